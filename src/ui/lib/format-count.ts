/**
 * One formatter for the whole app: `n.toLocaleString('en')` builds an ICU
 * formatter on every call, which a 1,000-cloud graph (thousands of cards,
 * each with its counts) paid for on every render.
 */
const COUNT = new Intl.NumberFormat('en');

/** "1,000" */
export function formatCount(n: number): string {
  return COUNT.format(n);
}
