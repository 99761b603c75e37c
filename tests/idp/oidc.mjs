// Test OpenID Connect provider for the browser tests: npm oidc-provider (a certified OP) on loopback, with test users
// and their group claims, and a plain login form instead of the library's development interactions, so Playwright logs
// in by filling it. Never part of the product.
//
//   node tests/idp/oidc.mjs --port 0 --client ejv-web:secret:http://127.0.0.1:5080/signin-oidc \
//        --user anna:Anna Handläggare:grp-handl,grp-x --password test --log logins.log \
//        --post-logout http://127.0.0.1:5080/signout-callback-oidc
//
// RP-initiated logout is on: --post-logout registers the post-logout redirect URI for every client; the provider's
// confirmation page is a plain Swedish form ("Ja, logga ut") that Playwright submits.
// Prints "ready <issuer>" once it listens. Every finished login appends "login <user>" to --log, every refused one
// "refused <user>" (never a password), every logout confirmation shown "logout prompt", so tests can count them. PKCE is required of every client.
import { appendFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';
import Provider from 'oidc-provider';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    client: { type: 'string', multiple: true, default: [] },
    user: { type: 'string', multiple: true, default: [] },
    password: { type: 'string', default: 'test' },
    log: { type: 'string' },
    'post-logout': { type: 'string', multiple: true, default: [] },
  },
});

const users = new Map(values.user.map((u) => {
  const [id, name, groups] = u.split(':');
  return [id, { name, groups: groups ? groups.split(',') : [] }];
}));
const clients = values.client.map((c) => {
  const [id, secret, ...rest] = c.split(':');
  return {
    client_id: id,
    client_secret: secret,
    redirect_uris: [rest.join(':')],
    post_logout_redirect_uris: values['post-logout'],
    response_types: ['code'],
    grant_types: ['authorization_code'],
    token_endpoint_auth_method: 'client_secret_post',
  };
});
const log = (line) => { if (values.log) appendFileSync(values.log, line + '\n'); };
const esc = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const server = createServer();
await new Promise((r) => server.listen(Number(values.port), '127.0.0.1', r));
const issuer = `http://127.0.0.1:${server.address().port}`;

const provider = new Provider(issuer, {
  clients,
  pkce: { required: () => true },
  features: {
    devInteractions: { enabled: false },
    rpInitiatedLogout: {
      enabled: true,
      async logoutSource(ctx, form) {
        log('logout prompt');
        ctx.body = `<!DOCTYPE html><html lang="sv"><head><meta charset="utf-8"><title>Logga ut</title></head>
<body><h1>Logga ut från testinloggningen?</h1>${form}
<button type="submit" form="op.logoutForm" name="logout" value="yes">Ja, logga ut</button></body></html>`;
      },
    },
  },
  claims: { openid: ['sub', 'groups'], profile: ['name', 'preferred_username'] },
  conformIdTokenClaims: false,
  cookies: { keys: ['ejv-test-idp-cookie-key'] },
  interactions: { url: (ctx, interaction) => `/interaction/${interaction.uid}` },
  async findAccount(ctx, id) {
    const u = users.get(id);
    if (!u) return undefined;
    return { accountId: id, claims: async () => ({ sub: id, name: u.name, preferred_username: id, groups: u.groups }) };
  },
  // A first-party client: no consent screen.
  async loadExistingGrant(ctx) {
    const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (grantId) return ctx.oidc.provider.Grant.find(grantId);
    const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
    grant.addOIDCScope('openid profile');
    await grant.save();
    return grant;
  },
});

const form = (uid, error) => `<!DOCTYPE html><html lang="sv"><head><meta charset="utf-8"><title>Testinloggning</title></head>
<body><h1>Testinloggning</h1>${error ? `<p role="alert">${esc(error)}</p>` : ''}
<form method="post" action="/interaction/${esc(uid)}/login">
<label>Användarnamn <input name="username" autocomplete="username"></label>
<label>Lösenord <input name="password" type="password" autocomplete="current-password"></label>
<button type="submit">Logga in</button></form></body></html>`;

const body = (req) => new Promise((resolve) => {
  let data = '';
  req.on('data', (c) => { data += c; });
  req.on('end', () => resolve(new URLSearchParams(data)));
});

const callback = provider.callback();
server.on('request', async (req, res) => {
  const m = /^\/interaction\/([^/]+)(\/login)?$/.exec(req.url.split('?')[0]);
  if (!m) return callback(req, res);
  try {
    const details = await provider.interactionDetails(req, res);
    if (req.method === 'GET') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return res.end(form(details.uid));
    }
    const p = await body(req);
    const id = p.get('username') ?? '';
    if (!users.has(id) || p.get('password') !== values.password) {
      log(`refused ${id}`);
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return res.end(form(details.uid, 'Fel användarnamn eller lösenord'));
    }
    log(`login ${id}`);
    await provider.interactionFinished(req, res, { login: { accountId: id } }, { mergeWithLastSubmission: false });
  } catch (e) {
    res.writeHead(400, { 'content-type': 'text/plain' });
    res.end(`interaction failed: ${e.message}`);
  }
});

process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
console.log(`ready ${issuer}`);
