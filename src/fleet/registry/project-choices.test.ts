import { describe, expect, it } from 'vitest';
import { NO_PROJECT_CHOICES, parseProjectChoices, serializeProjectChoices } from './project-choices.ts';

describe('stored project choices', () => {
  it('round-trips what it writes', () => {
    const choices = { allProjects: true, chosen: { core: { id: 'p-1', name: 'ops' } } };
    expect(parseProjectChoices(serializeProjectChoices(choices))).toEqual(choices);
  });

  it.each([
    ['nothing stored', null],
    ['not JSON', '<html>'],
    ['another version', JSON.stringify({ version: 2, allProjects: true, chosen: {} })],
    ['an empty project id', JSON.stringify({ version: 1, allProjects: false, chosen: { core: { id: '', name: 'x' } } })],
  ])('falls back to each cloud’s own project for %s', (_case, text) => {
    expect(parseProjectChoices(text)).toEqual(NO_PROJECT_CHOICES);
  });
});
