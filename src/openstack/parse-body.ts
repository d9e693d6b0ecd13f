import type { z } from 'zod';
import { OpenStackError } from './errors.ts';

export interface BodyContext {
  cloud: string;
  region?: string;
  service?: string;
  url?: string;
  requestId?: string;
}

/**
 * Validates a response body against the fields we use. Unknown fields pass;
 * a missing or mistyped field we rely on becomes an error that names it.
 */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown, context: BodyContext): z.output<S> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue && issue.path.length > 0 ? formatPath(issue.path) : '(body)';
  throw new OpenStackError('unexpected response body', {
    kind: 'invalid-response',
    ...context,
    apiMessage: `${field}: ${issue?.message ?? 'invalid'}`,
  });
}

function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`))
    .join('');
}
