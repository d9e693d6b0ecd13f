import { vi } from 'vitest';
import { describeLaunchContract } from './launch-contract.ts';
import { createLabTarget } from './lab-target.ts';
import { readLabJson } from './node/read-lab-json.ts';

vi.setConfig({ testTimeout: 60_000 });

describeLaunchContract(createLabTarget(readLabJson(), globalThis.fetch.bind(globalThis)));
