// Test identity provider for the XOAUTH2 mail tests: oauth2-mock-server over HTTPS, issuing client-credentials tokens
// (RS256 JWTs signed with its own key, published at /jwks) only to the configured clients with the right secret.
//
//   node tests/idp/idp.mjs --port 0 --key k.pem --cert c.pem --audience https://outlook.office365.com \
//        --client ejv-app:secret [--client ejv-expired:secret2:expired] --log tokens.log
//
// Prints "ready <issuer-url>" once it listens. Every token request appends one line to --log: "issued <client>" or
// "refused <client>" (never the secret or the token), so tests can count requests. A client marked ":expired" gets a
// token whose exp is already past (while expires_in still says 3600), to test that the relay refuses it; one marked
// ":short" gets tokens valid for two minutes, which MSAL renews before use (it renews within five minutes of expiry).
// oauth2-mock-server accepts any client by default; the beforeResponse hook below answers 401 invalid_client instead.
import { appendFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { OAuth2Server } from 'oauth2-mock-server';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    key: { type: 'string' },
    cert: { type: 'string' },
    audience: { type: 'string' },
    client: { type: 'string', multiple: true, default: [] },
    log: { type: 'string' },
  },
});

const clients = new Map(values.client.map((c) => {
  const [id, secret, mode] = c.split(':');
  return [id, { secret, expired: mode === 'expired', short: mode === 'short' }];
}));

function credentials(req) {
  const basic = /^Basic (.+)$/.exec(req.headers.authorization ?? '');
  if (basic) {
    const [id, secret] = Buffer.from(basic[1], 'base64').toString('utf8').split(':');
    return { id: decodeURIComponent(id), secret: decodeURIComponent(secret ?? '') };
  }
  return { id: req.body?.client_id, secret: req.body?.client_secret };
}

function record(line) {
  if (values.log) appendFileSync(values.log, line + '\n');
}

const server = new OAuth2Server(values.key, values.cert);
await server.issuer.keys.generate('RS256');

server.service.on('beforeTokenSigning', (token, req) => {
  const { id } = credentials(req);
  token.payload.aud = values.audience;
  token.payload.sub = id;
  token.payload.appid = id;
  if (clients.get(id)?.expired) token.payload.exp = token.payload.iat - 120;
  if (clients.get(id)?.short) token.payload.exp = token.payload.iat + 120;
});

server.service.on('beforeResponse', (response, req) => {
  const { id, secret } = credentials(req);
  const client = clients.get(id);
  if (req.body?.grant_type !== 'client_credentials' || !client || client.secret !== secret) {
    record(`refused ${id}`);
    response.statusCode = 401;
    response.body = { error: 'invalid_client', error_description: 'Client authentication failed.' };
    return;
  }
  if (client.short) response.body.expires_in = 120;
  record(`issued ${id}`);
});

await server.start(Number(values.port), '127.0.0.1');
server.issuer.url = `https://127.0.0.1:${server.address().port}`; // the certificate is issued to the IP address
console.log(`ready ${server.issuer.url}`);

const stop = async () => { await server.stop(); process.exit(0); };
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
process.stdin.on('end', stop);
process.stdin.resume();
