import { vi } from 'vitest';
import { createLabTarget } from './lab-target.ts';
import { readLabJson } from './node/read-lab-json.ts';
import { describeSessionContract } from './session-contract.ts';

// A sign-in against real Keystone costs a bcrypt round.
vi.setConfig({ testTimeout: 60_000 });

describeSessionContract(createLabTarget(readLabJson(), globalThis.fetch.bind(globalThis)));
