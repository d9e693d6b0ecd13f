import type { CDPSession } from '@playwright/test';

/** The page's JS heap (main thread; the layout worker is not counted) after a full GC, in bytes. */
export async function measureHeap(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.enable');
  // Twice: the first pass can leave objects that only the second finds unreachable (weak maps, finalizers).
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.send('HeapProfiler.disable');
  return usedSize;
}
