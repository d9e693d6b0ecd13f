import type { PlannedView } from './PlannedPage.tsx';

export const PLANNED_VIEWS = {
  networks: {
    title: 'Networks',
    summary: 'Networks, subnets, routers, ports and floating IPs across the fleet.',
    willShow: ['Networks side by side per cloud', 'Overlapping CIDRs flagged across clouds', 'Ports and floating IPs found by address'],
  },
  images: {
    title: 'Images',
    summary: 'Glance images of every cloud, with their visibility and owner.',
    willShow: ['Every image with cloud, region, visibility, size and checksum', 'Which clouds lack an image the others have'],
  },
  actions: {
    title: 'Actions',
    summary: 'Cross-cloud actions as previewed, audited, resumable plans.',
    willShow: ['Key pair, image, flavor and security group sync', 'A preview of every change per cloud before it runs', 'An audit log that survives a reload'],
  },
} satisfies Record<string, PlannedView>;
