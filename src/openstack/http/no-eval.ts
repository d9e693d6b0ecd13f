import { z } from 'zod';

/**
 * The console runs under a Content-Security-Policy without 'unsafe-eval'
 * (deploy/nginx/content-security-policy.ts). Zod's JIT probes for eval with
 * `new Function`, which such a policy reports as a violation on every start
 * even though zod catches the error; jitless parsing never probes.
 * Imported by http-policy.ts, which every fleet loads before it parses a body.
 */
z.config({ jitless: true });
