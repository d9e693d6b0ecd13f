import { mkdtempSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ViteDevServer } from 'vite';
import { describe, expect, it, vi } from 'vitest';
import { archipelagoConfig } from './vite-archipelago-config.ts';

type Middleware = (request: IncomingMessage, response: ServerResponse, next: () => void) => void;

function writeConfig(config: unknown): string {
  const file = join(mkdtempSync(join(tmpdir(), 'archipelago-vite-')), 'archipelago.config.json');
  writeFileSync(file, JSON.stringify(config));
  return file;
}

function middlewareOf(configPath: string): Middleware {
  let middleware: Middleware | undefined;
  const server = { middlewares: { use: (handler: Middleware) => (middleware = handler) } } as unknown as ViteDevServer;
  const hook = archipelagoConfig(configPath).plugin.configureServer;
  if (typeof hook !== 'function') throw new Error('no configureServer hook');
  void hook.call({} as never, server);
  if (!middleware) throw new Error('no middleware registered');
  return middleware;
}

function call(middleware: Middleware, url: string) {
  const response = { statusCode: 200, headers: {} as Record<string, string>, body: '', setHeader(name: string, value: string) { this.headers[name] = value; }, end(body?: unknown) { this.body = String(body ?? ''); } };
  const next = vi.fn();
  middleware({ url } as IncomingMessage, response as unknown as ServerResponse, next);
  return { response, next };
}

const config = {
  clouds: { ams: { auth: { auth_url: 'http://127.0.0.1:5370/identity/v3', username: 'u', password: 'p' } } },
  proxy: { basePath: '/os-proxy', clouds: ['ams'] },
};

describe('the dev and preview servers as a deployment', () => {
  it('proxies the allowlisted upstream under the client’s path, with the prefix stripped', () => {
    const { proxy } = archipelagoConfig(writeConfig(config));
    const entry = proxy['/os-proxy/ams/http/127.0.0.1/5370/'];
    expect(entry?.target).toBe('http://127.0.0.1:5370');
    expect(entry?.rewrite?.('/os-proxy/ams/http/127.0.0.1/5370/identity/v3/auth/tokens')).toBe('/identity/v3/auth/tokens');
  });

  it('refuses other paths under the proxy base and passes everything else on', () => {
    const middleware = middlewareOf(writeConfig(config));
    expect(call(middleware, '/os-proxy/ams/http/127.0.0.1/22/').response.statusCode).toBe(403);
    expect(call(middleware, '/os-proxy/other/http/127.0.0.1/5370/').response.statusCode).toBe(403);
    expect(call(middleware, '/os-proxy/ams/http/127.0.0.1/5370/identity/v3').next).toHaveBeenCalledOnce();
    expect(call(middleware, '/clouds').next).toHaveBeenCalledOnce();
  });

  it('serves the runtime config file itself', () => {
    const { response, next } = call(middlewareOf(writeConfig(config)), '/archipelago.config.json');
    expect(next).not.toHaveBeenCalled();
    expect(JSON.parse(response.body)).toEqual(config);
  });

  it('changes nothing without a config file', () => {
    expect(archipelagoConfig(undefined).proxy).toEqual({});
  });
});
