import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin, ProxyOptions } from 'vite';
import { proxyBasePath, proxyRoutesOf } from './proxy-routes.ts';

/**
 * Lets `npm start` and `npm run preview` behave like the nginx deployment:
 * with ARCHIPELAGO_CONFIG=path/to/archipelago.config.json they serve that file
 * as the runtime config and proxy the same allowlisted upstreams under the
 * same paths; anything else under the proxy base path is refused.
 */
export function archipelagoConfig(configPath: string | undefined): { plugin: Plugin; proxy: Record<string, ProxyOptions> } {
  if (!configPath) return { plugin: { name: 'archipelago-config' }, proxy: {} };
  const file = resolve(configPath);
  const config: unknown = JSON.parse(readFileSync(file, 'utf8'));
  const routes = proxyRoutesOf(config);
  const basePath = proxyBasePath(config);
  const proxy = Object.fromEntries(
    routes.map((route): [string, ProxyOptions] => [
      route.pathPrefix,
      {
        target: route.upstream,
        changeOrigin: true,
        secure: true,
        rewrite: (path) => `/${path.slice(route.pathPrefix.length)}`,
        headers: { origin: '' },
      },
    ]),
  );
  const isAllowed = (url: string) => routes.some((route) => url.startsWith(route.pathPrefix));
  const serve: Plugin['configureServer'] = (server) => {
    server.middlewares.use((request, response, next) => {
      const url = request.url ?? '';
      if (url === '/archipelago.config.json' || url.startsWith('/archipelago.config.json?')) {
        response.setHeader('content-type', 'application/json');
        response.setHeader('cache-control', 'no-store');
        response.end(readFileSync(file));
        return;
      }
      if (basePath && url.startsWith(basePath) && !isAllowed(url)) {
        response.statusCode = 403;
        response.end('Forbidden: not an allowed upstream');
        return;
      }
      next();
    });
  };
  return {
    plugin: { name: 'archipelago-config', configureServer: serve, configurePreviewServer: serve as Plugin['configurePreviewServer'] },
    proxy,
  };
}
