import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { FILE, MAX_CLOUDS_YAML_BYTES, parseCloudsYaml } from './parse-clouds-yaml.ts';

const TWO_CLOUDS = `
clouds:
  ams:
    auth:
      auth_url: https://ams.example.test:5000/v3
      username: ops
  fra:
    region_name: [fra-1, fra-2]
`;

describe('parseCloudsYaml', () => {
  it('lists the entries of the clouds: mapping with the line of each name', () => {
    const parsed = parseCloudsYaml(TWO_CLOUDS);
    expect(parsed.problems).toEqual([]);
    expect(parsed.entries.map((e) => [e.name, e.line])).toEqual([
      ['ams', 3],
      ['fra', 7],
    ]);
    expect(parsed.entries[1]?.value).toEqual({ region_name: ['fra-1', 'fra-2'] });
  });

  it('reports a syntax error with its line and column, and imports nothing', () => {
    const parsed = parseCloudsYaml('clouds:\n  ams:\n    region_name: [a, b\n  fra: {}\n');
    expect(parsed.entries).toEqual([]);
    expect(parsed.problems).toHaveLength(1);
    expect(parsed.problems).toEqual([{ cloud: FILE, key: 'line 4, column 3', message: expect.stringMatching(/^is not valid YAML: Flow sequence .* end with a \]$/) }]);
  });

  it('reports a file without a clouds: mapping', () => {
    expect(parseCloudsYaml('').problems).toEqual([{ cloud: FILE, key: 'clouds', message: expect.stringMatching(/is missing/) }]);
    expect(parseCloudsYaml('clouds: [a, b]').problems).toEqual([{ cloud: FILE, key: 'clouds', message: expect.stringMatching(/must be a mapping/) }]);
    expect(parseCloudsYaml('- just\n- a list').problems[0]?.key).toBe('clouds');
  });

  it('reports a name given twice with both lines, keeps neither, and keeps the other clouds', () => {
    const parsed = parseCloudsYaml('clouds:\n  ams: {}\n  fra: {}\n  ams: {region_name: x}\n');
    expect(parsed.entries.map((e) => e.name)).toEqual(['fra']);
    expect(parsed.problems).toEqual([{ cloud: 'ams', key: '(name)', message: expect.stringContaining('lines 2, 4') }]);
  });

  it('refuses a file over the size limit before parsing it', () => {
    const big = `clouds:\n  ams:\n    note: "${'x'.repeat(1024 * 1024)}"\n`;
    const parsed = parseCloudsYaml(big);
    expect(parsed.entries).toEqual([]);
    expect(parsed.problems).toEqual([{ cloud: FILE, key: '(size)', message: `is 1.0 MB; a clouds.yaml may be at most ${MAX_CLOUDS_YAML_BYTES / 1024} KB` }]);
  });

  it('reports an alias bomb and an unresolved alias for that cloud instead of expanding or throwing', () => {
    // Nine levels of ten aliases each: a billion x's if expanded.
    const name = (level: number) => `l${level}`;
    const bomb = Array.from({ length: 9 }, (_, level) =>
      level === 0 ? `${name(0)}: &${name(0)} [${Array(10).fill('x').join(', ')}]` : `${name(level)}: &${name(level)} [${Array(10).fill(`*${name(level - 1)}`).join(', ')}]`,
    );
    const parsed = parseCloudsYaml(`defs:\n${bomb.map((l) => `  ${l}`).join('\n')}\nclouds:\n  boom: {auth: *l8}\n  lost: {auth: *nowhere}\n  ok: {}\n`);
    expect(parsed.entries.map((e) => e.name)).toEqual(['ok']);
    expect(parsed.problems).toEqual([
      { cloud: 'boom', key: '(entry)', message: expect.stringMatching(/cannot be read/) },
      { cloud: 'lost', key: '(entry)', message: expect.stringMatching(/cannot be read/) },
    ]);
  });

  it('never throws on arbitrary text: the answer is always entries and problems', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('c', 'l', 'o', 'u', 'd', 's', ':', ' ', '\n', '-', '[', ']', '{', '}', '&', '*', '!', '"', "'", '#', '|', '>', '%', '@', '\t', '?', ',', 'x'), maxLength: 200 }), (text) => {
        const parsed = parseCloudsYaml(text);
        expect(Array.isArray(parsed.entries) && Array.isArray(parsed.problems)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on any data under clouds:', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ minLength: 1 }), fc.jsonValue()), (clouds) => {
        const parsed = parseCloudsYaml(stringify({ clouds }));
        expect(parsed.entries.length + parsed.problems.length).toBe(Object.keys(clouds).length);
      }),
    );
  });
});
