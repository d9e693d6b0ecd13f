import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { md5Hex } from './md5.ts';

describe('md5Hex', () => {
  it('gives the RFC 1321 test vectors', () => {
    const text = (s: string) => new TextEncoder().encode(s);
    expect(md5Hex(text(''))).toBe('d41d8cd98f00b204e9800998ecf8427e');
    expect(md5Hex(text('abc'))).toBe('900150983cd24fb0d6963f7d28e17f72');
    expect(md5Hex(text('hello archipelago'))).toBe('b86c6568917aee60b344c61bdf87df11');
  });

  it('agrees with Node for any data, across block boundaries', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (data) => {
        expect(md5Hex(data)).toBe(createHash('md5').update(data).digest('hex'));
      }),
    );
  });
});
