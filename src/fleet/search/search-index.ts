import { cidrContains, cidrsOverlap, parseCidr, parseIp, type Cidr, type IpAddress } from '../inventory/ip-match.ts';
import { SEARCH_KINDS, type SearchEntry } from './search-entry.ts';

/** How well a result matches, best first; the UI says why it matched. */
export type MatchReason = 'id' | 'address' | 'mac' | 'cidr' | 'name' | 'id-prefix' | 'name-prefix' | 'in-cidr' | 'name-part' | 'address-part';

export interface SearchResult {
  entry: SearchEntry;
  reason: MatchReason;
  /** The value that matched (an address, a CIDR, the name…). */
  matched: string;
  score: number;
}

interface Indexed {
  entry: SearchEntry;
  name: string;
  id: string;
  addresses: readonly { text: string; ip: IpAddress }[];
  cidrs: readonly { text: string; cidr: Cidr }[];
  macs: readonly string[];
}

/** Entries with their names lower-cased and addresses parsed once, so each keystroke only compares. */
export interface SearchIndex {
  readonly entries: readonly Indexed[];
}

export function buildSearchIndex(entries: Iterable<SearchEntry>): SearchIndex {
  const indexed: Indexed[] = [];
  for (const entry of entries) {
    indexed.push({
      entry,
      name: entry.name.toLowerCase(),
      id: entry.id.toLowerCase(),
      addresses: entry.addresses.flatMap((text) => {
        const ip = parseIp(text);
        return ip ? [{ text, ip }] : [];
      }),
      cidrs: entry.cidrs.flatMap((text) => {
        const cidr = parseCidr(text);
        return cidr ? [{ text, cidr }] : [];
      }),
      macs: entry.macs.map((mac) => mac.toLowerCase()),
    });
  }
  return { entries: indexed };
}

const SCORES: Record<MatchReason, number> = {
  id: 100,
  address: 95,
  mac: 95,
  cidr: 90,
  name: 80,
  'id-prefix': 70,
  'name-prefix': 60,
  'in-cidr': 50,
  'name-part': 40,
  'address-part': 30,
};

type Query =
  | { kind: 'address'; ip: IpAddress; text: string }
  | { kind: 'cidr'; cidr: Cidr; text: string }
  | { kind: 'text'; text: string };

/** A MAC in any usual spelling: fa:16:3e:…, FA-16-3E-…, or a prefix of one. */
const MAC_PART = /^[0-9a-f]{2}([:-][0-9a-f]{2}){1,5}$/i;

function readQuery(input: string): Query | undefined {
  const text = input.trim();
  if (text === '') return undefined;
  if (text.includes('/')) {
    const cidr = parseCidr(text);
    if (cidr) return { kind: 'cidr', cidr, text };
  }
  // A MAC prefix such as "fa:16" also reads as IPv6: a MAC-shaped query is a MAC.
  if (!MAC_PART.test(text)) {
    const ip = parseIp(text);
    if (ip) return { kind: 'address', ip, text };
  }
  return { kind: 'text', text: text.toLowerCase() };
}

/** The best reason one entry matches, if any. */
function matchOne(item: Indexed, query: Query): { reason: MatchReason; matched: string } | undefined {
  if (query.kind === 'address') {
    for (const address of item.addresses) {
      if (address.ip.version === query.ip.version && address.ip.value === query.ip.value) return { reason: 'address', matched: address.text };
    }
    for (const block of item.cidrs) if (cidrContains(block.cidr, query.ip)) return { reason: 'in-cidr', matched: block.text };
    return undefined;
  }
  if (query.kind === 'cidr') {
    let overlapping: string | undefined;
    for (const block of item.cidrs) {
      if (block.cidr.version === query.cidr.version && block.cidr.network === query.cidr.network && block.cidr.prefix === query.cidr.prefix) {
        return { reason: 'cidr', matched: block.text };
      }
      if (overlapping === undefined && cidrsOverlap(block.cidr, query.cidr)) overlapping = block.text;
    }
    if (overlapping !== undefined) return { reason: 'in-cidr', matched: overlapping };
    for (const address of item.addresses) if (cidrContains(query.cidr, address.ip)) return { reason: 'in-cidr', matched: address.text };
    return undefined;
  }
  const text = query.text;
  if (item.id === text) return { reason: 'id', matched: item.entry.id };
  const mac = text.replace(/-/g, ':');
  for (const [index, value] of item.macs.entries()) {
    if (value === mac) return { reason: 'mac', matched: item.entry.macs[index] ?? value };
  }
  if (item.name === text) return { reason: 'name', matched: item.entry.name };
  if (text.length >= 4 && item.id.startsWith(text)) return { reason: 'id-prefix', matched: item.entry.id };
  if (item.name.startsWith(text)) return { reason: 'name-prefix', matched: item.entry.name };
  for (const [index, value] of item.macs.entries()) {
    if (value.startsWith(mac)) return { reason: 'mac', matched: item.entry.macs[index] ?? value };
  }
  if (item.name.includes(text)) return { reason: 'name-part', matched: item.entry.name };
  for (const address of item.addresses) if (address.text.toLowerCase().startsWith(text)) return { reason: 'address-part', matched: address.text };
  return undefined;
}

const KIND_ORDER = new Map(SEARCH_KINDS.map((kind, index) => [kind, index]));

export interface SearchOutcome {
  results: SearchResult[];
  /** Every match, of which `results` are the best `limit`. */
  total: number;
}

/**
 * Ranks every entry of the indexes against a name, id, address, MAC or CIDR:
 * exact matches first (id, address, MAC, CIDR, name), then prefixes, then
 * blocks holding the address, then parts of names. Addresses and blocks are
 * compared as numbers, never as text.
 */
export function searchFleet(indexes: readonly SearchIndex[], input: string, limit = 50): SearchOutcome {
  const query = readQuery(input);
  if (!query) return { results: [], total: 0 };
  // Scores are few: bucket by score and sort only the buckets that fill the limit, so a one-letter
  // query over 200,000 servers does not sort 200,000 results.
  const buckets = new Map<number, SearchResult[]>();
  let total = 0;
  for (const index of indexes) {
    for (const item of index.entries) {
      const match = matchOne(item, query);
      if (!match) continue;
      total += 1;
      const score = SCORES[match.reason];
      let bucket = buckets.get(score);
      if (!bucket) buckets.set(score, (bucket = []));
      bucket.push({ entry: item.entry, ...match, score });
    }
  }
  const results: SearchResult[] = [];
  for (const score of [...buckets.keys()].sort((a, b) => b - a)) {
    if (results.length >= limit) break;
    const bucket = (buckets.get(score) ?? []).sort(
      (a, b) =>
        (KIND_ORDER.get(a.entry.kind) ?? 0) - (KIND_ORDER.get(b.entry.kind) ?? 0) ||
        a.entry.name.localeCompare(b.entry.name, 'en', { numeric: true }) ||
        (a.entry.key < b.entry.key ? -1 : a.entry.key > b.entry.key ? 1 : 0),
    );
    results.push(...bucket.slice(0, limit - results.length));
  }
  return { results, total };
}
