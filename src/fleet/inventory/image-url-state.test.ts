import { describe, expect, it } from 'vitest';
import { formatImagesView, parseImagesView } from './image-url-state.ts';

describe('images view in the URL', () => {
  it('reads the global search link', () => {
    const view = parseImagesView(new URLSearchParams('q=cirros&cloud=ams'));
    expect(view.filters).toMatchObject({ text: 'cirros', cloud: 'ams', region: '' });
  });

  it('round-trips a view and keeps unrelated parameters', () => {
    const base = new URLSearchParams('fleet=sites=3&q=old');
    const view = { ...parseImagesView(new URLSearchParams()), groupBy: 'name' as const, sort: { column: 'size' as const, descending: true } };
    view.filters = { ...view.filters, visibility: 'public', format: 'qcow2' };
    const params = formatImagesView(view, base);
    expect(params.get('fleet')).toBe('sites=3');
    expect(params.has('q')).toBe(false);
    expect(parseImagesView(params)).toEqual(view);
  });

  it('leaves defaults out and ignores what it does not know', () => {
    expect(formatImagesView(parseImagesView(new URLSearchParams('sort=bogus&group=nope'))).toString()).toBe('');
    expect(parseImagesView(new URLSearchParams(`q=${'x'.repeat(5000)}`)).filters.text).toHaveLength(512);
  });
});
