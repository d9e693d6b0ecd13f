import { vi } from 'vitest';
import { describeFlavorAndGroupContract } from './flavor-sg-contract.ts';
import { createLabTarget } from './lab-target.ts';
import { readLabJson } from './node/read-lab-json.ts';

vi.setConfig({ testTimeout: 60_000 });

describeFlavorAndGroupContract(createLabTarget(readLabJson(), globalThis.fetch.bind(globalThis)));
