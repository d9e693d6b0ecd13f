import { describe, expect, it } from 'vitest';
import { parseRuntimeConfig } from '../config/runtime-config.ts';
import { displayConfig, setDisplayConfig } from './display-config.ts';

describe('the wall and embed sections of the runtime config', () => {
  it('are read from the file and handed over as they are', () => {
    const config = parseRuntimeConfig({ wall: { views: ['topology'], rotateSeconds: 15 }, embed: { allowedOrigins: ['https://horizon.example.net'] } });
    setDisplayConfig(config);
    expect(displayConfig()).toEqual({ wall: { views: ['topology'], rotateSeconds: 15 }, embed: { allowedOrigins: ['https://horizon.example.net'] } });
  });

  it('make a file with an allowlist that is not a list of strings fail by path', () => {
    expect(() => parseRuntimeConfig({ embed: { allowedOrigins: 'https://horizon.example.net' } })).toThrow(/embed\.allowedOrigins/);
  });
});
