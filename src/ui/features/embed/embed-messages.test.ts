import { describe, expect, it } from 'vitest';
import { NO_FILTERS } from '../../../fleet/inventory/filter-rows.ts';
import { allowedOriginsOf, decideHostMessage, isEmbedPanel, serverFiltersOf } from './embed-messages.ts';

const HOST = 'https://horizon.example.net';
const allowed = new Set([HOST]);
const from = (origin: string, data: unknown, fromParent = true) => decideHostMessage({ origin, data, fromParent }, allowed);

describe('allowedOriginsOf', () => {
  it('keeps exact http(s) origins and refuses wildcards, paths and other schemes', () => {
    const result = allowedOriginsOf([`${HOST}/`, 'http://127.0.0.1:8080', '*', 'https://*.example.net', 'https://portal.example.net/app', 'javascript:alert(1)', 'null', 'ftp://x']);
    expect([...result.origins]).toEqual([HOST, 'http://127.0.0.1:8080']);
    expect(result.rejected).toEqual(['*', 'https://*.example.net', 'https://portal.example.net/app', 'javascript:alert(1)', 'null', 'ftp://x']);
  });

  it('does not let a differently spelled origin pass: the browser compares origins exactly', () => {
    const { origins } = allowedOriginsOf(['https://HORIZON.example.net:443']);
    expect(origins.size).toBe(0);
  });
});

describe('decideHostMessage', () => {
  it('accepts the two host messages from an allowed origin', () => {
    expect(from(HOST, { type: 'archipelago:set-theme', theme: 'dark' })).toEqual({ accept: true, message: { type: 'archipelago:set-theme', theme: 'dark' } });
    expect(from(HOST, { type: 'archipelago:set-filters', filters: { cloud: 'ams', q: 'web' } })).toEqual({
      accept: true,
      message: { type: 'archipelago:set-filters', filters: { cloud: 'ams', q: 'web' } },
    });
  });

  it('ignores any message from an origin not on the list, and says so without quoting it', () => {
    const decision = from('https://evil.example.com', { type: 'archipelago:set-theme', theme: 'dark', secret: 'hunter2' });
    expect(decision).toEqual({ accept: false, reason: 'ignored a message from https://evil.example.com: not in embed.allowedOrigins' });
  });

  it('ignores a message from an allowed origin that another window sent', () => {
    expect(from(HOST, { type: 'archipelago:set-theme', theme: 'dark' }, false).accept).toBe(false);
  });

  it('refuses malformed messages without echoing their content', () => {
    for (const data of [
      'archipelago:set-theme',
      null,
      { type: 'archipelago:set-theme', theme: 'purple' },
      { type: 'archipelago:set-filters', filters: { cloud: 42 } },
      { type: 'archipelago:set-filters', filters: { cloud: 'x'.repeat(513) } },
      { type: 'archipelago:delete-everything' },
    ]) {
      const decision = from(HOST, data);
      expect(decision.accept).toBe(false);
      if (!decision.accept) expect(decision.reason).not.toContain('purple');
    }
  });

  it('drops fields it does not know instead of passing them on', () => {
    const decision = from(HOST, { type: 'archipelago:set-filters', filters: { cloud: 'ams', __proto__: { admin: true }, sort: '-name' } });
    expect(decision).toEqual({ accept: true, message: { type: 'archipelago:set-filters', filters: { cloud: 'ams' } } });
  });
});

describe('serverFiltersOf', () => {
  it('maps the URL parameter names to the filters and clears what the host left out', () => {
    expect(serverFiltersOf({ q: 'web', cloud: 'ams' })).toEqual({ ...NO_FILTERS, text: 'web', cloud: 'ams' });
    expect(serverFiltersOf({})).toEqual(NO_FILTERS);
  });
});

describe('isEmbedPanel', () => {
  it('knows the four panels and nothing else', () => {
    expect(['servers', 'topology', 'health', 'parity', 'admin', '__proto__'].filter(isEmbedPanel)).toEqual(['servers', 'topology', 'health', 'parity']);
  });
});
