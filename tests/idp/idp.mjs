// Test identity provider for the XOAUTH2 mail tests: oauth2-mock-server over HTTPS, issuing client-credentials tokens
// (RS256 JWTs signed with its own key, published at /jwks) only to the configured clients with the right secret.
//
//   node tests/idp/idp.mjs --port 0 --key k.pem --cert c.pem --audience https://outlook.office365.com \
//        --client ejv-app:secret [--client ejv-expired:secret2:expired] [--client-cert ejv-cert-app=cert.pem] --log tokens.log
//
// Prints "ready <issuer-url>" once it listens. Every token request appends one line to --log: "issued <client>" or
// "refused <client>" (never the secret or the token), so tests can count requests. A client marked ":expired" gets a
// token whose exp is already past (while expires_in still says 3600), to test that the relay refuses it; one marked
// ":short" gets tokens valid for two minutes, which MSAL renews before use (it renews within five minutes of expiry).
// A --client-cert client authenticates with a client assertion (RFC 7523: a JWT signed RS256 or PS256 with the key of
// the given certificate, iss = sub = client id, aud = the token endpoint, unexpired), as MSAL sends for WithCertificate.
// oauth2-mock-server accepts any client by default; the beforeResponse hook below answers 401 invalid_client instead.
import { constants, verify } from 'node:crypto';
import { appendFileSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { OAuth2Server } from 'oauth2-mock-server';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    key: { type: 'string' },
    cert: { type: 'string' },
    audience: { type: 'string' },
    client: { type: 'string', multiple: true, default: [] },
    'client-cert': { type: 'string', multiple: true, default: [] },
    log: { type: 'string' },
  },
});

const clients = new Map(values.client.map((c) => {
  const [id, secret, mode] = c.split(':');
  return [id, { secret, expired: mode === 'expired', short: mode === 'short' }];
}));

const certClients = new Map(values['client-cert'].map((c) => {
  const [id, path] = c.split('=');
  return [id, readFileSync(path, 'utf8')];
}));

const json = (part) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));

// The client id of a valid client assertion, or undefined.
function assertedClient(req) {
  if (req.body?.client_assertion_type !== 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer') return undefined;
  const [h, p, sig] = String(req.body.client_assertion).split('.');
  try {
    const header = json(h), claims = json(p), pem = certClients.get(claims.sub);
    if (!pem || claims.iss !== claims.sub || claims.exp * 1000 < Date.now()) return undefined;
    if (claims.aud !== `${server.issuer.url}/token`) return undefined;
    const padding = header.alg === 'PS256' ? constants.RSA_PKCS1_PSS_PADDING : header.alg === 'RS256' ? constants.RSA_PKCS1_PADDING : undefined;
    if (padding === undefined) return undefined;
    const key = { key: pem, padding, saltLength: 32 };
    return verify('sha256', Buffer.from(`${h}.${p}`), key, Buffer.from(sig, 'base64url')) ? claims.sub : undefined;
  } catch {
    return undefined;
  }
}

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
  const asserted = assertedClient(req);
  const { id, secret } = credentials(req);
  const client = clients.get(id);
  const secretOk = client !== undefined && client.secret === secret;
  if (req.body?.grant_type !== 'client_credentials' || !(secretOk || (asserted !== undefined && asserted === id))) {
    record(`refused ${id}`);
    response.statusCode = 401;
    response.body = { error: 'invalid_client', error_description: 'Client authentication failed.' };
    return;
  }
  if (client?.short) response.body.expires_in = 120;
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
