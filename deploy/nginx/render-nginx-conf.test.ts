import { describe, expect, it } from 'vitest';
import type { ProxyRoute } from '../proxy-routes.ts';
import { renderNginxConf } from './render-nginx-conf.ts';

const route: ProxyRoute = {
  cloud: 'ams',
  pathPrefix: '/os-proxy/ams/https/nova.ams.example.net/8774/',
  upstream: 'https://nova.ams.example.net:8774',
  hostHeader: 'nova.ams.example.net:8774',
};

const base = { listen: '127.0.0.1:8443', root: '/srv/archipelago', stateDir: '/run/archipelago' };

describe('renderNginxConf', () => {
  it('gives each allowed upstream its own location and refuses the rest of the proxy path', () => {
    const conf = renderNginxConf([route], { ...base, proxyBasePath: '/os-proxy/' });
    expect(conf).toContain('location ^~ /os-proxy/ams/https/nova.ams.example.net/8774/ {');
    expect(conf).toContain('proxy_pass https://nova.ams.example.net:8774/;');
    expect(conf).toContain('proxy_set_header Host nova.ams.example.net:8774;');
    expect(conf).toContain('proxy_ssl_server_name on;');
    expect(conf).toMatch(/location \^~ \/os-proxy\/ \{\s+return 403;\s+\}/);
  });

  it('never forwards to an address taken from the request', () => {
    const conf = renderNginxConf([route], { ...base, proxyBasePath: '/os-proxy/' });
    const proxyPasses = conf.split('\n').filter((line) => line.includes('proxy_pass'));
    expect(proxyPasses).toEqual(['            proxy_pass https://nova.ams.example.net:8774/;']);
    expect(conf).not.toMatch(/proxy_pass [^;]*\$/);
  });

  it('serves HTTP/2 over TLS when given a certificate, and the SPA with its runtime config', () => {
    const conf = renderNginxConf([], {
      ...base,
      tls: { certificate: '/etc/ssl/c.pem', certificateKey: '/etc/ssl/k.pem' },
      runtimeConfigFile: '/etc/archipelago/archipelago.config.json',
    });
    expect(conf).toContain('listen 127.0.0.1:8443 ssl http2;');
    expect(conf).toContain('ssl_certificate /etc/ssl/c.pem;');
    expect(conf).toContain('alias /etc/archipelago/archipelago.config.json;');
    expect(conf).toContain('try_files $uri /index.html;');
    expect(conf).not.toContain('os-proxy');
  });

  it('sends the Content-Security-Policy with every answer, error pages included, and none unless asked', () => {
    const policy = "default-src 'self'; frame-ancestors 'self' https://horizon.example.net";
    expect(renderNginxConf([], { ...base, contentSecurityPolicy: policy })).toContain(`add_header Content-Security-Policy "${policy}" always;`);
    expect(renderNginxConf([], base)).not.toContain('Content-Security-Policy');
  });

  it('refuses a policy that could end the header value and write nginx config', () => {
    for (const bad of [`default-src 'self'" always; include /etc/passwd; #`, 'default-src {', 'default-src \\']) {
      expect(() => renderNginxConf([], { ...base, contentSecurityPolicy: bad })).toThrow(/characters nginx would read as config/);
    }
  });
});
