import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { createRemoteConsoleResponseSchema, getVncConsoleResponseSchema } from './create-remote-console.ts';
import { listInstanceActionsResponseSchema } from './list-instance-actions.ts';
import { listVolumeAttachmentsResponseSchema } from './list-volume-attachments.ts';

/**
 * DESIGN.md rule 1 for the server detail panel's operations: each schema
 * accepts every upstream sample of its operation, every microversion, and
 * the files the api-ref shows (API-REF-MAP.tsv) are among them.
 */
const novaDir = fileURLToPath(new URL('../../../../shared/openstack-api-samples/nova/', import.meta.url));
const apiRefRows = readFileSync(join(novaDir, '../API-REF-MAP.tsv'), 'utf8')
  .split('\n')
  .map((line) => line.split('\t'))
  .filter(([service]) => service === 'nova');

const baseName = (path: string) => path.split('/').pop() ?? '';

function samples(folder: string, name: RegExp): string[] {
  return readdirSync(join(novaDir, folder), { recursive: true, encoding: 'utf8' })
    .filter((file) => name.test(baseName(file)))
    .map((file) => `${folder}/${file}`);
}

const sets: Array<{ name: string; schema: z.ZodType; pattern: RegExp; files: string[]; apiRef: [method: string, url: string] }> = [
  {
    name: 'list-volume-attachments',
    schema: listVolumeAttachmentsResponseSchema,
    pattern: /^list-volume-attachments-resp\.json$/,
    files: samples('os-volume_attachments', /^list-volume-attachments-resp\.json$/),
    apiRef: ['GET', '/servers/{server_id}/os-volume_attachments'],
  },
  {
    name: 'list-instance-actions',
    schema: listInstanceActionsResponseSchema,
    pattern: /^instance-actions-list.*\.json$/,
    files: samples('os-instance-actions', /^instance-actions-list.*\.json$/),
    apiRef: ['GET', '/servers/{server_id}/os-instance-actions'],
  },
  {
    name: 'create-remote-console (2.6+)',
    schema: createRemoteConsoleResponseSchema,
    pattern: /^create-(vnc|spice|mks|serial|rdp)-console-resp\.json$/,
    files: samples('os-remote-consoles', /^create-(vnc|spice|mks|serial|rdp)-console-resp\.json$/),
    apiRef: ['POST', '/servers/{server_id}/remote-consoles'],
  },
  {
    name: 'os-getVNCConsole (before 2.6)',
    schema: getVncConsoleResponseSchema,
    pattern: /^get-vnc-console-post-resp\.json$/,
    files: samples('os-remote-consoles', /^get-vnc-console-post-resp\.json$/),
    apiRef: ['POST', '/servers/{server_id}/action'],
  },
];

describe.each(sets)('$name', ({ schema, pattern, files, apiRef: [method, url] }) => {
  it('has upstream samples, including every one the api-ref shows for the operation', () => {
    const shown = apiRefRows.filter(([, path, m, u]) => m === method && u === url && pattern.test(baseName(path ?? ''))).map(([, path]) => path);
    expect(files.length).toBeGreaterThan(0);
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.filter((path) => !files.includes(path ?? ''))).toEqual([]);
  });

  it.each(files)('accepts %s', (file) => {
    const result = schema.safeParse(JSON.parse(readFileSync(join(novaDir, file), 'utf8')));
    expect(result.error?.issues ?? []).toEqual([]);
  });
});
