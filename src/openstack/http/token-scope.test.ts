import { describe, expect, it } from 'vitest';
import { tokenAllowed, type TokenScope } from './token-scope.ts';

const scope: TokenScope = {
  authUrl: 'https://keystone.example.org:5000/v3',
  catalogOrigins: ['https://nova.example.org', 'http://10.0.0.5:9696'],
};

describe('token scope', () => {
  it.each([
    'https://keystone.example.org:5000/v3/auth/projects',
    'https://nova.example.org/compute/v2.1/servers?limit=10',
    'https://NOVA.example.org:443/compute/v2.1',
    'http://10.0.0.5:9696/v2.0/networks',
  ])('allows %s', (url) => {
    expect(tokenAllowed(scope, url)).toBe(true);
  });

  it.each([
    ['another host', 'https://evil.example.net/compute/v2.1/servers'],
    ['a look-alike host', 'https://nova.example.org.evil.net/v2.1'],
    ['another port', 'https://nova.example.org:8443/v2.1'],
    ['another scheme', 'http://nova.example.org/compute/v2.1'],
    ['userinfo tricks', 'https://nova.example.org@evil.example.net/v2.1'],
    ['a non-http scheme', 'javascript:alert(1)'],
    ['a protocol-relative URL', '//nova.example.org/v2.1'],
    ['a relative path without a proxy', '/os-proxy/prod/https/nova.example.org/443/v2.1'],
    ['garbage', 'not a url'],
  ])('refuses %s', (_, url) => {
    expect(tokenAllowed(scope, url)).toBe(false);
  });

  it("allows a proxied cloud's own prefix only", () => {
    const proxied: TokenScope = { ...scope, proxyPrefix: '/os-proxy/prod' };
    expect(tokenAllowed(proxied, '/os-proxy/prod/https/nova.example.org/443/v2.1')).toBe(true);
    expect(tokenAllowed(proxied, '/os-proxy/prod2/https/nova.example.org/443/v2.1')).toBe(false);
    expect(tokenAllowed(proxied, '/os-proxy/other/https/nova.example.org/443/v2.1')).toBe(false);
    expect(tokenAllowed(proxied, '/os-proxy/prod/../other/https/x/443/')).toBe(false);
    expect(tokenAllowed(proxied, '/os-proxy/prod/%2e%2e/other/https/x/443/')).toBe(false);
  });
});
