import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createServerRequestBody } from './create-server.ts';

const serversDir = join(fileURLToPath(new URL('.', import.meta.url)), '../../../../shared/openstack-api-samples/nova/servers');

/** Every field any upstream POST /servers request sample sends inside `server`. */
function sampleRequestFields(): Set<string> {
  const files = readdirSync(serversDir, { recursive: true, encoding: 'utf8' }).filter((file) => /(^|\/)server-create-req(-v\d+)?\.json$/.test(file));
  const fields = new Set<string>();
  for (const file of files) {
    const body = JSON.parse(readFileSync(join(serversDir, file), 'utf8')) as { server: Record<string, unknown> };
    for (const key of Object.keys(body.server)) fields.add(key);
  }
  return fields;
}

describe('createServerRequestBody', () => {
  it('sends only fields the upstream request samples use, the network as a uuid entry', () => {
    const body = createServerRequestBody({ name: 'web-1', imageId: 'img', flavorId: 'fl', networkId: 'net', keyName: 'deploy', metadata: { archipelago_launch: 'x' } });
    // No upstream request sample boots with a key pair, though the API reference documents `key_name`.
    const known = new Set([...sampleRequestFields(), 'key_name']);
    expect(Object.keys(body.server).filter((key) => !known.has(key))).toEqual([]);
    expect(body.server).toEqual({ name: 'web-1', imageRef: 'img', flavorRef: 'fl', networks: [{ uuid: 'net' }], key_name: 'deploy', metadata: { archipelago_launch: 'x' } });
  });

  it('leaves out the key pair and metadata when none are given', () => {
    expect(Object.keys(createServerRequestBody({ name: 'a', imageId: 'i', flavorId: 'f', networkId: 'n' }).server).sort()).toEqual(['flavorRef', 'imageRef', 'name', 'networks']);
  });
});
