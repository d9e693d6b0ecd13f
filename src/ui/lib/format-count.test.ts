import { describe, expect, it } from 'vitest';
import { formatCount } from './format-count.ts';

describe('formatCount', () => {
  it('groups thousands the English way, as the views have always shown counts', () => {
    expect([0, 7, 1000, 99568, 1234567.5].map(formatCount)).toEqual(['0', '7', '1,000', '99,568', '1,234,567.5']);
  });
});
