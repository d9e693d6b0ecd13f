// Get a lab OIDC access token without a browser: drives the real authorization-code +
// PKCE flow of the lab provider over HTTP (sign-in form, redirect, token exchange),
// the way a browser would. Prints the token response as JSON on stdout.
//
//   node get-token.mjs [--issuer http://127.0.0.1:25070] [--user demo-oidc]
//                      [--redirect-uri http://127.0.0.1:5173/auth/callback]
// The redirect URI is never contacted: the code is read from the Location header.
import { createHash, randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({
  options: {
    issuer: { type: 'string', default: process.env.OIDC_ISSUER ?? 'http://127.0.0.1:25070' },
    user: { type: 'string', default: 'demo-oidc' },
    'client-id': { type: 'string', default: 'archipelago-console' },
    'redirect-uri': { type: 'string', default: 'http://127.0.0.1:5173/auth/callback' },
  },
});

const jar = new Map();
const cookieHeader = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
function keepCookies(res) {
  for (const c of res.headers.getSetCookie()) {
    const [pair] = c.split(';');
    const i = pair.indexOf('=');
    jar.set(pair.slice(0, i), pair.slice(i + 1));
  }
}
async function request(url, init = {}) {
  const res = await fetch(url, {
    ...init,
    redirect: 'manual',
    headers: { ...(init.headers ?? {}), cookie: cookieHeader() },
    signal: AbortSignal.timeout(10_000),
  });
  keepCookies(res);
  return res;
}

const verifier = randomBytes(32).toString('base64url');
const challenge = createHash('sha256').update(verifier).digest('base64url');
const state = randomBytes(8).toString('hex');
const auth = new URL('/auth', args.issuer);
auth.search = new URLSearchParams({
  client_id: args['client-id'],
  response_type: 'code',
  scope: 'openid profile email',
  redirect_uri: args['redirect-uri'],
  code_challenge: challenge,
  code_challenge_method: 'S256',
  state,
}).toString();

let url = auth.href;
let code;
// Bounded: auth -> interaction (login) -> auth resume -> redirect_uri.
for (let hop = 0; hop < 10 && !code; hop += 1) {
  const res = await request(url);
  const location = res.headers.get('location');
  if (location) {
    const next = new URL(location, url);
    if (next.href.startsWith(args['redirect-uri'].split('?')[0]) && next.searchParams.has('code')) {
      if (next.searchParams.get('state') !== state) throw new Error('state mismatch');
      code = next.searchParams.get('code');
      break;
    }
    if (next.searchParams.has('error')) throw new Error(`authorization error: ${next.search}`);
    url = next.href;
    continue;
  }
  const html = await res.text();
  const action = html.match(/<form[^>]*action="([^"]+)"/)?.[1];
  const prompt = html.match(/name="prompt" value="([^"]+)"/)?.[1];
  if (!action || !prompt) throw new Error(`unexpected page from ${url} (${res.status})`);
  const body = new URLSearchParams({ prompt, login: args.user, password: 'any' });
  const sub = await request(new URL(action, url).href, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body,
  });
  url = new URL(sub.headers.get('location'), url).href;
}
if (!code) throw new Error('no authorization code after 10 redirects');

const tokenRes = await request(new URL('/token', args.issuer).href, {
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams({
    grant_type: 'authorization_code',
    code,
    redirect_uri: args['redirect-uri'],
    code_verifier: verifier,
    client_id: args['client-id'],
  }),
});
const tokens = await tokenRes.json();
if (!tokenRes.ok) throw new Error(`token endpoint ${tokenRes.status}: ${JSON.stringify(tokens)}`);
process.stdout.write(`${JSON.stringify(tokens)}\n`);
