import { DEFAULT_FLEET_SPEC } from '../sim/index.ts';
import { describeSessionContract } from './session-contract.ts';
import { createSimTarget } from './sim-target.ts';

describeSessionContract(createSimTarget(DEFAULT_FLEET_SPEC));
