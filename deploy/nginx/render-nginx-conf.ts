import type { ProxyRoute } from '../proxy-routes.ts';

export interface NginxOptions {
  /** host:port to listen on, e.g. 127.0.0.1:8443. */
  listen: string;
  /** Serve HTTP/2 over TLS with these files; plain HTTP/1.1 without. */
  tls?: { certificate: string; certificateKey: string };
  /** The built app (vite build's output folder), absolute. */
  root: string;
  /** The runtime config file to serve as /archipelago.config.json, absolute. */
  runtimeConfigFile?: string;
  /** Folder for the pid file, logs and temp files, absolute: lets nginx run without touching /var. */
  stateDir: string;
  /** Where nginx's mime.types lives. */
  mimeTypes?: string;
  /** The proxy base path ('/os-proxy/'); everything under it that no route claims is refused. */
  proxyBasePath?: string;
  /**
   * The Content-Security-Policy sent with every response (see
   * content-security-policy.ts; its `frame-ancestors` lets the allowlisted
   * portals frame the console). Without it no such header is sent.
   */
  contentSecurityPolicy?: string;
}

/**
 * A complete nginx.conf for the console: the built SPA, its runtime config,
 * and one location per allowed upstream. Nothing is derived from the request
 * but the path prefix, so the browser cannot steer the proxy elsewhere.
 */
export function renderNginxConf(routes: readonly ProxyRoute[], options: NginxOptions): string {
  const listen = options.tls ? `listen ${options.listen} ssl http2;` : `listen ${options.listen};`;
  const tls = options.tls
    ? [`ssl_certificate ${options.tls.certificate};`, `ssl_certificate_key ${options.tls.certificateKey};`, 'ssl_protocols TLSv1.2 TLSv1.3;']
    : [];
  const state = options.stateDir;
  return [
    'worker_processes 1;',
    `pid ${state}/nginx.pid;`,
    `error_log ${state}/error.log warn;`,
    'events { worker_connections 1024; }',
    'http {',
    indent([
      `include ${options.mimeTypes ?? '/etc/nginx/mime.types'};`,
      'default_type application/octet-stream;',
      `access_log ${state}/access.log;`,
      `client_body_temp_path ${state}/client-body;`,
      `proxy_temp_path ${state}/proxy;`,
      `fastcgi_temp_path ${state}/fastcgi;`,
      `uwsgi_temp_path ${state}/uwsgi;`,
      `scgi_temp_path ${state}/scgi;`,
      'server_tokens off;',
      'server {',
      indent([
        listen,
        ...tls,
        `root ${options.root};`,
        ...(options.contentSecurityPolicy === undefined ? [] : [cspHeader(options.contentSecurityPolicy)]),
        ...(options.runtimeConfigFile
          ? ['location = /archipelago.config.json {', indent([`alias ${options.runtimeConfigFile};`, "add_header Cache-Control 'no-store';"]), '}']
          : []),
        'location / {',
        indent(['try_files $uri /index.html;']),
        '}',
        ...(options.proxyBasePath ? [`location ^~ ${options.proxyBasePath} {`, indent(['return 403;']), '}'] : []),
        ...routes.flatMap(renderRoute),
      ]),
      '}',
    ]),
    '}',
    '',
  ].join('\n');
}

function renderRoute(route: ProxyRoute): string[] {
  return [
    `# ${route.cloud}: ${route.upstream}`,
    `location ^~ ${route.pathPrefix} {`,
    indent([
      `proxy_pass ${route.upstream}/;`,
      `proxy_set_header Host ${route.hostHeader};`,
      // The browser's request is same-origin now: the cloud need not (and must not) apply its own CORS rules.
      'proxy_set_header Origin "";',
      'proxy_set_header Cookie "";',
      'proxy_hide_header Access-Control-Allow-Origin;',
      'proxy_hide_header Access-Control-Allow-Credentials;',
      'proxy_hide_header Access-Control-Expose-Headers;',
      'proxy_hide_header Set-Cookie;',
      'proxy_redirect off;',
      'proxy_http_version 1.1;',
      'proxy_read_timeout 120s;',
      ...(route.upstream.startsWith('https:') ? ['proxy_ssl_server_name on;'] : []),
    ]),
    '}',
  ];
}

/** Source expressions and keywords only: a quote, backslash or brace could end the value or the directive and write nginx config. */
const POLICY = /^[A-Za-z0-9 ';:/.*_-]+$/;

function cspHeader(policy: string): string {
  if (!POLICY.test(policy)) throw new Error(`the Content-Security-Policy holds characters nginx would read as config: ${JSON.stringify(policy)}`);
  // `always`: error pages are protected (and refused in a foreign frame) as well.
  return `add_header Content-Security-Policy "${policy}" always;`;
}

/** Nested blocks are indented once per level because inner blocks arrive already indented. */
function indent(lines: string[]): string {
  return lines.map((line) => line.split('\n').map((part) => `    ${part}`).join('\n')).join('\n');
}
