import { describe, expect, it } from 'vitest';
import { appendQuery, resolveServiceUrl, stripQuery } from './resolve-url.ts';

describe('resolveServiceUrl', () => {
  it('keeps the version segment of the base', () => {
    expect(resolveServiceUrl('https://x/compute/v2.1', 'servers/detail')).toBe('https://x/compute/v2.1/servers/detail');
    expect(resolveServiceUrl('https://x/compute/v2.1/', 'servers/detail')).toBe('https://x/compute/v2.1/servers/detail');
    expect(resolveServiceUrl('http://x:8774/v2.1/a6944d', 'flavors')).toBe('http://x:8774/v2.1/a6944d/flavors');
  });

  it('returns the base itself for an empty path', () => {
    expect(resolveServiceUrl('http://x:8778', '')).toBe('http://x:8778');
  });

  it('adds defined query values and skips undefined ones', () => {
    expect(resolveServiceUrl('https://x/v2.0', 'ports', { device_id: 'a b', limit: 50, all_tenants: true, marker: undefined })).toBe(
      'https://x/v2.0/ports?device_id=a+b&limit=50&all_tenants=true',
    );
    expect(appendQuery('https://x/v2?a=1', { b: 2 })).toBe('https://x/v2?a=1&b=2');
  });

  it('takes absolute links as they are', () => {
    expect(resolveServiceUrl('https://x/compute/v2.1', 'https://x/compute/v2.1/servers/detail?marker=m')).toBe(
      'https://x/compute/v2.1/servers/detail?marker=m',
    );
  });

  it("resolves Glance's root-relative next links under the service's path prefix", () => {
    expect(resolveServiceUrl('https://x/image/v2', '/v2/images?marker=abc')).toBe('https://x/image/v2/images?marker=abc');
    expect(resolveServiceUrl('http://x:9292/v2', '/v2/images?marker=abc')).toBe('http://x:9292/v2/images?marker=abc');
  });

  it('follows an http link to the same host over https when the base is https', () => {
    expect(resolveServiceUrl('https://x.example/compute/v2.1', 'http://x.example/compute/v2.1/servers?marker=m')).toBe(
      'https://x.example/compute/v2.1/servers?marker=m',
    );
    expect(resolveServiceUrl('https://x.example/v2.1', 'http://y.example/v2.1/servers')).toBe('http://y.example/v2.1/servers');
  });

  it('strips query and fragment', () => {
    expect(stripQuery('https://x/v2/images?marker=a#frag')).toBe('https://x/v2/images');
    expect(stripQuery('https://x/v2/images')).toBe('https://x/v2/images');
  });
});
