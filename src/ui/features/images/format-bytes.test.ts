import { describe, expect, it } from 'vitest';
import { formatBytes } from './format-bytes.ts';

describe('formatBytes', () => {
  it('uses binary units with a precision that fits the column', () => {
    expect(formatBytes(0)).toBe('0 bytes');
    expect(formatBytes(1023)).toBe('1,023 bytes');
    expect(formatBytes(21430272)).toBe('20 MiB');
    expect(formatBytes(2147483648)).toBe('2 GiB');
    expect(formatBytes(1053097984)).toBe('1,004 MiB');
    expect(formatBytes(5 * 1024 + 512)).toBe('5.5 KiB');
  });
});
