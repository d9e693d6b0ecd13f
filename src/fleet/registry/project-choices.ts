import { z } from 'zod';

/** The localStorage key of the operator's project choices: project ids and names, which are no secret. */
export const PROJECT_CHOICES_STORAGE_KEY = 'archipelago.projects';

export interface ChosenProject {
  id: string;
  name: string;
}

/**
 * Which projects the console looks at. `chosen` overrides, per cloud, the
 * project the cloud's definition names (or the first the user may use);
 * `allProjects` asks every view that iterates sources for every project of
 * every cloud ("all projects I can see").
 */
export interface ProjectChoices {
  allProjects: boolean;
  chosen: Readonly<Record<string, ChosenProject>>;
}

export const NO_PROJECT_CHOICES: ProjectChoices = { allProjects: false, chosen: {} };

const storedSchema = z.object({
  version: z.literal(1),
  allProjects: z.boolean(),
  chosen: z.record(z.string(), z.object({ id: z.string().min(1), name: z.string() })),
});

export function serializeProjectChoices(choices: ProjectChoices): string {
  return JSON.stringify({ version: 1, allProjects: choices.allProjects, chosen: choices.chosen });
}

/** A stored value that cannot be read is dropped: the choices are a convenience, each cloud's default still works. */
export function parseProjectChoices(text: string | null): ProjectChoices {
  if (text === null) return NO_PROJECT_CHOICES;
  try {
    const parsed = storedSchema.safeParse(JSON.parse(text));
    return parsed.success ? { allProjects: parsed.data.allProjects, chosen: parsed.data.chosen } : NO_PROJECT_CHOICES;
  } catch {
    return NO_PROJECT_CHOICES;
  }
}
