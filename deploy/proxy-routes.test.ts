import { describe, expect, it } from 'vitest';
import { rewriteUrl } from '../src/openstack/index.ts';
import { ProxyConfigError, proxyBasePath, proxyRoutesOf } from './proxy-routes.ts';

const config = {
  clouds: {
    ams: { auth: { auth_url: 'https://keystone.ams.example.net:5000/v3' } },
    fra: { auth: { auth_url: 'https://fra.example.net/identity/v3' } },
  },
  proxy: {
    basePath: '/os-proxy',
    clouds: ['ams'],
    upstreams: { ams: ['https://nova.ams.example.net:8774/v2.1', 'https://keystone.ams.example.net:5000/v3'] },
  },
};

describe('proxyRoutesOf', () => {
  it('allows the auth_url origin and the listed upstreams of proxied clouds only, once each', () => {
    expect(proxyRoutesOf(config)).toEqual([
      {
        cloud: 'ams',
        pathPrefix: '/os-proxy/ams/https/keystone.ams.example.net/5000/',
        upstream: 'https://keystone.ams.example.net:5000',
        hostHeader: 'keystone.ams.example.net:5000',
      },
      {
        cloud: 'ams',
        pathPrefix: '/os-proxy/ams/https/nova.ams.example.net/8774/',
        upstream: 'https://nova.ams.example.net:8774',
        hostHeader: 'nova.ams.example.net:8774',
      },
    ]);
  });

  it('matches the path the client rewrites catalog URLs to', () => {
    const [keystone] = proxyRoutesOf(config);
    const clientPath = rewriteUrl({ kind: 'proxy', basePath: '/os-proxy' }, 'ams', 'https://keystone.ams.example.net:5000/v3/auth/tokens');
    expect(clientPath.startsWith(keystone?.pathPrefix ?? '-')).toBe(true);
  });

  it('fills in default ports so nginx always has an explicit upstream', () => {
    const routes = proxyRoutesOf({ ...config, proxy: { basePath: '/p', clouds: ['fra'] } });
    expect(routes).toEqual([
      { cloud: 'fra', pathPrefix: '/p/fra/https/fra.example.net/443/', upstream: 'https://fra.example.net:443', hostHeader: 'fra.example.net' },
    ]);
  });

  it('refuses a proxied cloud that is not defined, or whose name would need escaping', () => {
    expect(() => proxyRoutesOf({ ...config, proxy: { basePath: '/p', clouds: ['lon'] } })).toThrow(ProxyConfigError);
    expect(() =>
      proxyRoutesOf({ clouds: { 'a b': { auth: { auth_url: 'https://x.example' } } }, proxy: { basePath: '/p', clouds: ['a b'] } }),
    ).toThrow(/letters, digits/);
  });

  it('has no routes and no base path without a proxy section', () => {
    expect(proxyRoutesOf({ clouds: config.clouds })).toEqual([]);
    expect(proxyBasePath({ clouds: config.clouds })).toBeUndefined();
    expect(proxyBasePath(config)).toBe('/os-proxy/');
  });
});
