import { z } from 'zod';

/** The `links` arrays Nova, Neutron and Placement attach to resources and listings. */
export const linkSchema = z.object({ href: z.string(), rel: z.string() });
export const linksSchema = z.array(linkSchema);

export type Link = z.output<typeof linkSchema>;

/** The href of the rel="next" link, if the listing has another page. */
export function nextHref(links: readonly Link[] | undefined): string | undefined {
  return links?.find((link) => link.rel === 'next')?.href;
}
