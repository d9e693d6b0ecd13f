import { proxyBasePath, proxyRoutesOf } from '../proxy-routes.ts';
import { contentSecurityPolicy, cspSourcesOf } from './content-security-policy.ts';
import { renderNginxConf, type NginxOptions } from './render-nginx-conf.ts';

export interface DeploymentOptions extends Omit<NginxOptions, 'proxyBasePath' | 'contentSecurityPolicy'> {
  /** Origins of clouds the operators will import on /clouds and reach directly. */
  connectSrc?: readonly string[];
}

/**
 * The nginx.conf of a deployment, everything derived from its runtime config:
 * proxy routes, the proxy's refusal of the rest, and the Content-Security-Policy.
 * The generator script and the e2e tests both call this, so the tests run
 * what the deployment guide tells operators to run.
 */
export function nginxConfForRuntimeConfig(config: unknown, options: DeploymentOptions): string {
  const { connectSrc = [], ...nginx } = options;
  return renderNginxConf(proxyRoutesOf(config), {
    ...nginx,
    proxyBasePath: proxyBasePath(config),
    contentSecurityPolicy: contentSecurityPolicy(cspSourcesOf(config, connectSrc)),
  });
}
