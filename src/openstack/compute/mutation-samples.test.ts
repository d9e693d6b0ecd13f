import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { createSecurityGroupResponseSchema, createSecurityGroupRuleResponseSchema } from '../network/create-security-group.ts';
import { createFlavorResponseSchema } from './create-flavor.ts';
import { createKeypairResponseSchema } from './create-keypair.ts';
import { createServerResponseSchema } from './create-server.ts';
import { getKeypairResponseSchema } from './get-keypair.ts';
import { serverTagsResponseSchema } from './replace-server-tags.ts';

/** The upstream API samples of the writes the action engine makes: every response schema accepts every one of them. */
const samplesDir = join(fileURLToPath(new URL('.', import.meta.url)), '../../../../shared/openstack-api-samples');

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listFiles(join(dir, entry.name)) : [relative(samplesDir, join(dir, entry.name)).split(sep).join('/')],
  );
}

const files = listFiles(samplesDir);

const sets: { name: string; schema: z.ZodType; pattern: RegExp }[] = [
  { name: 'keypair create/import', schema: createKeypairResponseSchema, pattern: /^nova\/os-keypairs\/.*keypairs-(import-)?post-resp\.json$/ },
  { name: 'keypair show', schema: getKeypairResponseSchema, pattern: /^nova\/os-keypairs\/.*keypairs-get-resp\.json$/ },
  { name: 'flavor create', schema: createFlavorResponseSchema, pattern: /^nova\/flavor-manage\/.*flavor-create-post-resp\.json$/ },
  { name: 'server create', schema: createServerResponseSchema, pattern: /^nova\/servers\/(v[\d.]+\/)?server-create-resp\.json$/ },
  { name: 'server tags replace', schema: serverTagsResponseSchema, pattern: /^nova\/os-server-tags\/.*server-tags-put-all-resp\.json$/ },
  { name: 'security group create', schema: createSecurityGroupResponseSchema, pattern: /^neutron\/v2\/samples\/security-groups\/security-group-create-response\.json$/ },
  { name: 'security group rule create', schema: createSecurityGroupRuleResponseSchema, pattern: /^neutron\/v2\/samples\/security-groups\/security-group-rule-create-response\.json$/ },
];

describe.each(sets)('$name', ({ schema, pattern }) => {
  const matching = files.filter((file) => pattern.test(file));

  it('has samples', () => {
    expect(matching.length).toBeGreaterThan(0);
  });

  it.each(matching)('accepts %s', (file) => {
    const result = schema.safeParse(JSON.parse(readFileSync(join(samplesDir, file), 'utf8')));
    expect(result.error?.issues ?? []).toEqual([]);
  });
});
