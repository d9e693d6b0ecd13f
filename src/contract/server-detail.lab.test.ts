import { vi } from 'vitest';
import { createLabTarget } from './lab-target.ts';
import { readLabJson } from './node/read-lab-json.ts';
import { describeServerDetailContract } from './server-detail-contract.ts';

vi.setConfig({ testTimeout: 60_000 });

describeServerDetailContract(createLabTarget(readLabJson(), globalThis.fetch.bind(globalThis)));
