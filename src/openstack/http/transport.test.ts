import { describe, expect, it } from 'vitest';
import { DIRECT, proxyPrefix, rewriteUrl, type Transport } from './transport.ts';

const proxy: Transport = { kind: 'proxy', basePath: '/os-proxy/' };

describe('transport', () => {
  it('leaves URLs alone for direct transport', () => {
    expect(rewriteUrl(DIRECT, 'prod', 'https://k.example.org:5000/v3/auth/tokens')).toBe('https://k.example.org:5000/v3/auth/tokens');
    expect(proxyPrefix(DIRECT, 'prod')).toBeUndefined();
  });

  it('maps scheme, host, port, path and query under the cloud prefix', () => {
    expect(rewriteUrl(proxy, 'prod', 'https://k.example.org:5000/v3/auth/tokens?nocatalog')).toBe(
      '/os-proxy/prod/https/k.example.org/5000/v3/auth/tokens?nocatalog',
    );
  });

  it('makes default ports explicit', () => {
    expect(rewriteUrl(proxy, 'prod', 'https://nova.example.org/compute/v2.1/servers')).toBe('/os-proxy/prod/https/nova.example.org/443/compute/v2.1/servers');
    expect(rewriteUrl(proxy, 'prod', 'http://glance.example.org')).toBe('/os-proxy/prod/http/glance.example.org/80/');
  });

  it('encodes the cloud name and keeps IPv6 brackets', () => {
    expect(rewriteUrl(proxy, 'edge/01 α', 'http://[fd00::1]:9696/v2.0/networks')).toBe('/os-proxy/edge%2F01%20%CE%B1/http/[fd00::1]/9696/v2.0/networks');
  });

  it('does not rewrite a URL twice', () => {
    const once = rewriteUrl(proxy, 'prod', 'https://n.example.org:8774/v2.1');
    expect(rewriteUrl(proxy, 'prod', once)).toBe(once);
  });
});
