import { vi } from 'vitest';
import { describeImageMutationContract } from './image-mutation-contract.ts';
import { createLabTarget } from './lab-target.ts';
import { readLabJson } from './node/read-lab-json.ts';

vi.setConfig({ testTimeout: 60_000 });

describeImageMutationContract(createLabTarget(readLabJson(), globalThis.fetch.bind(globalThis)));
