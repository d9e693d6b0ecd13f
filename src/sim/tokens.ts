import type { Prng } from './prng.ts';

/** An issued Keystone token, as the simulated services validate it. */
export interface SimToken {
  id: string;
  cloudIndex: number;
  userIndex: number;
  /** Index into the cloud's projects; null for an unscoped token. */
  projectIndex: number | null;
  methods: string[];
  admin: boolean;
  appCredential: boolean;
  issuedAt: number;
  expiresAt: number;
  auditId: string;
}

/** Bounded so a long benchmark that signs in again and again does not grow memory forever. */
const MAX_TOKENS = 50_000;

export class TokenStore {
  private readonly tokens = new Map<string, SimToken>();

  constructor(private readonly rng: Prng) {}

  issue(fields: Omit<SimToken, 'id' | 'auditId'>): SimToken {
    // Fernet tokens start with gAAAAA and are URL-safe base64; clients must treat them as opaque.
    const id = `gAAAAAB${base64url(this.rng.hex(96))}`;
    const token: SimToken = { ...fields, id, auditId: base64url(this.rng.hex(24)).slice(0, 22) };
    this.tokens.set(id, token);
    if (this.tokens.size > MAX_TOKENS) {
      const oldest = this.tokens.keys().next();
      if (!oldest.done) this.tokens.delete(oldest.value);
    }
    return token;
  }

  revoke(id: string): void {
    this.tokens.delete(id);
  }

  /** The token if it exists for this cloud and has not expired. */
  valid(id: string | null, cloudIndex: number, now: number): SimToken | undefined {
    if (id === null) return undefined;
    const token = this.tokens.get(id);
    if (!token || token.cloudIndex !== cloudIndex || now >= token.expiresAt) return undefined;
    return token;
  }
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

function base64url(hex: string): string {
  let out = '';
  for (let i = 0; i + 3 <= hex.length; i += 3) {
    const n = parseInt(hex.slice(i, i + 3), 16);
    out += ALPHABET.charAt(n >> 6) + ALPHABET.charAt(n & 63);
  }
  return out;
}
