import { vi } from 'vitest';
import { createLabTarget } from './lab-target.ts';
import { describeMutationContract } from './mutation-contract.ts';
import { readLabJson } from './node/read-lab-json.ts';

vi.setConfig({ testTimeout: 60_000 });

describeMutationContract(createLabTarget(readLabJson(), globalThis.fetch.bind(globalThis)));
