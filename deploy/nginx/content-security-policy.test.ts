import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, CspConfigError, cspSourcesOf } from './content-security-policy.ts';

const directive = (policy: string, name: string) => policy.split('; ').find((part) => part.startsWith(`${name} `));

const cloud = (authUrl: string) => ({ auth_type: 'v3password', auth: { auth_url: authUrl, username: 'ops', password: 'x' } });

describe('the console’s Content-Security-Policy', () => {
  it('allows no inline or foreign script, style or worker, and no plugin', () => {
    const policy = contentSecurityPolicy(cspSourcesOf({}));
    expect(directive(policy, 'script-src')).toBe("script-src 'self'");
    expect(directive(policy, 'style-src')).toBe("style-src 'self'");
    expect(directive(policy, 'worker-src')).toBe("worker-src 'self'");
    expect(directive(policy, 'object-src')).toBe("object-src 'none'");
    expect(policy).not.toContain('unsafe-');
  });

  it("limits connect-src to 'self' when every cloud is behind the proxy", () => {
    const config = { clouds: { ams: cloud('https://keystone.ams.example.net:5000/v3'), fra: cloud('https://fra.example.net/identity/v3') }, proxy: { basePath: '/os-proxy', clouds: ['ams', 'fra'] } };
    expect(directive(contentSecurityPolicy(cspSourcesOf(config)), 'connect-src')).toBe("connect-src 'self'");
  });

  it('adds the origin of each directly reached cloud, the OpenID provider and the operator’s extra origins, once each', () => {
    const config = {
      clouds: { ams: cloud('https://keystone.ams.example.net:5000/v3'), fra: cloud('https://fra.example.net/identity/v3'), par: cloud('https://fra.example.net/v3') },
      proxy: { basePath: '/os-proxy', clouds: ['ams'] },
      oidc: { issuer: 'https://id.example.net/realms/ops', clientId: 'console' },
    };
    expect(directive(contentSecurityPolicy(cspSourcesOf(config, ['https://edge.example.net:13000'])), 'connect-src')).toBe(
      "connect-src 'self' https://fra.example.net https://id.example.net https://edge.example.net:13000",
    );
  });

  it('lets the demo fleet’s simulated origins through only when the demo runs', () => {
    expect(directive(contentSecurityPolicy(cspSourcesOf({ demo: { fleet: 'sites=2' } })), 'connect-src')).toBe("connect-src 'self' https://*.sim.invalid");
    expect(directive(contentSecurityPolicy(cspSourcesOf({ demo: false })), 'connect-src')).toBe("connect-src 'self'");
  });

  it('lets only the allowlisted portals frame the console', () => {
    const policy = contentSecurityPolicy(cspSourcesOf({ embed: { allowedOrigins: ['https://horizon.example.net', 'http://127.0.0.1:8080'] } }));
    expect(directive(policy, 'frame-ancestors')).toBe("frame-ancestors 'self' https://horizon.example.net http://127.0.0.1:8080");
    expect(directive(contentSecurityPolicy(cspSourcesOf({})), 'frame-ancestors')).toBe("frame-ancestors 'self'");
  });

  it('refuses anything but a plain origin rather than write it into the policy', () => {
    for (const bad of ['*', 'https://a.example.net; script-src *', 'https://a.example.net" always; include /etc/passwd; #', 'https://a.example.net/path', "'unsafe-inline'"]) {
      expect(() => cspSourcesOf({ embed: { allowedOrigins: [bad] } }), bad).toThrow(CspConfigError);
    }
    expect(() => cspSourcesOf({}, ['javascript:alert(1)'])).toThrow(CspConfigError);
    expect(() => cspSourcesOf({ oidc: { issuer: 'not a url' } })).toThrow(/oidc.issuer/);
  });
});
