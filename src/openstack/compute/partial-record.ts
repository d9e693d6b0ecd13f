import { z } from 'zod';

/**
 * A record that is either complete or, for resources in an unreachable Nova
 * cell (microversion 2.69+), a partial stand-in. Unlike z.union, which on
 * failure reports only "invalid input" at the record, this picks the branch
 * first, so an error names the field that is wrong (`servers[0].id`).
 */
export function fullOrPartial<Full extends z.ZodType, Partial extends z.ZodType>(
  full: Full,
  partial: Partial,
  isPartial: (record: Record<string, unknown>) => boolean,
): z.ZodType<z.output<Full> | z.output<Partial>> {
  return z.unknown().transform((input, ctx): z.output<Full> | z.output<Partial> => {
    const schema = isRecord(input) && isPartial(input) ? partial : full;
    const result = schema.safeParse(input);
    if (result.success) return result.data;
    for (const issue of result.error.issues) ctx.addIssue({ ...issue });
    return z.NEVER;
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
