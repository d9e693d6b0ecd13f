import { describe, expect, it } from 'vitest';
import type { ServiceRequest } from '../../openstack/index.ts';
import { fakeServiceHttp, novaRootDocument } from '../../openstack/testing/fake-service-http.ts';
import { ACTION_LOG_LIMIT, loadActionLog, loadAttachedVolumes, requestConsoleUrl, type ServerExtrasSource } from './server-extras.ts';
import { fakeServerRow } from './testing/fake-server-row.ts';

const row = fakeServerRow({ id: 'srv-1', region: 'RegionTwo' });

function sourceAnswering(version: string, reply: (request: ServiceRequest) => unknown): ServerExtrasSource & { asked: string[] } {
  const asked: string[] = [];
  const http = fakeServiceHttp((request) => ({ body: request.url === '' ? novaRootDocument(version) : reply(request) }));
  return {
    cloud: 'ams',
    asked,
    async serviceHttp(service, region) {
      asked.push(`${service}@${region}`);
      return http;
    },
  };
}

describe('loadAttachedVolumes', () => {
  it('reads the server’s attachments in its own region, whatever the microversion calls them', async () => {
    const source = sourceAnswering('2.89', () => ({
      volumeAttachments: [
        { volumeId: 'vol-1', device: '/dev/vdb', serverId: 'srv-1', tag: 'data', delete_on_termination: false, attachment_id: 'a', bdm_uuid: 'b' },
        { volumeId: 'vol-2', device: null, serverId: 'srv-1', id: 'vol-2' },
      ],
    }));
    expect(await loadAttachedVolumes(source, row)).toEqual([
      { volumeId: 'vol-1', device: '/dev/vdb', deleteOnTermination: false, tag: 'data' },
      { volumeId: 'vol-2', device: '', deleteOnTermination: undefined, tag: undefined },
    ]);
    expect(source.asked).toEqual(['compute@RegionTwo']);
  });
});

describe('loadActionLog', () => {
  const action = (index: number) => ({
    action: index === 0 ? 'create' : 'reboot',
    request_id: `req-${index}`,
    user_id: 'admin',
    project_id: 'p',
    start_time: `2024-01-01T00:00:${String(59 - (index % 60)).padStart(2, '0')}.000000`,
    message: null,
  });

  it('gives the newest actions with their times in UTC', async () => {
    const source = sourceAnswering('2.1', () => ({ instanceActions: [action(1), action(0)] }));
    const log = await loadActionLog(source, row);
    expect(log).toEqual({
      truncated: false,
      actions: [
        { action: 'reboot', requestId: 'req-1', userId: 'admin', startedAt: '2024-01-01T00:00:58.000000Z', message: '' },
        { action: 'create', requestId: 'req-0', userId: 'admin', startedAt: '2024-01-01T00:00:59.000000Z', message: '' },
      ],
    });
  });

  it('stops after the most recent ones and says the log goes further back', async () => {
    const all = Array.from({ length: 3 * ACTION_LOG_LIMIT }, (_, index) => action(index));
    const pages: string[] = [];
    const source = sourceAnswering('2.58', (request) => {
      pages.push(request.url);
      const limit = Number(request.query?.limit);
      return { instanceActions: all.slice(0, limit), links: [{ rel: 'next', href: `servers/srv-1/os-instance-actions?marker=req-${limit - 1}` }] };
    });
    const log = await loadActionLog(source, row);
    expect(log.actions).toHaveLength(ACTION_LOG_LIMIT);
    expect(log.truncated).toBe(true);
    expect(pages).toHaveLength(1);
  });
});

describe('requestConsoleUrl', () => {
  it('asks for a noVNC console and hands back its URL', async () => {
    const bodies: unknown[] = [];
    const source = sourceAnswering('2.96', (request) => {
      bodies.push({ method: request.method, url: request.url, body: request.body });
      return { remote_console: { protocol: 'vnc', type: 'novnc', url: 'https://vnc.example/vnc_auto.html?path=%3Ftoken%3Dabc' } };
    });
    expect(await requestConsoleUrl(source, row)).toBe('https://vnc.example/vnc_auto.html?path=%3Ftoken%3Dabc');
    expect(bodies).toEqual([{ method: 'POST', url: 'servers/srv-1/remote-consoles', body: { remote_console: { protocol: 'vnc', type: 'novnc' } } }]);
  });

  it('uses the server action before 2.6', async () => {
    const source = sourceAnswering('2.1', (request) => {
      expect(request.url).toBe('servers/srv-1/action');
      return { console: { type: 'novnc', url: 'http://vnc.example/?token=1' } };
    });
    expect(await requestConsoleUrl(source, row)).toBe('http://vnc.example/?token=1');
  });

  it('refuses a URL that is not http(s), so a hostile cloud cannot run script in the console', async () => {
    for (const url of ['javascript:alert(1)', 'data:text/html,<script>1</script>', 'not a url']) {
      const source = sourceAnswering('2.96', () => ({ remote_console: { protocol: 'vnc', type: 'novnc', url } }));
      await expect(requestConsoleUrl(source, row)).rejects.toMatchObject({ kind: 'invalid-response', cloud: 'ams', region: 'RegionTwo' });
    }
  });
});
