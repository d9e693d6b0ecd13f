import { DEFAULT_FLEET_SPEC } from '../sim/index.ts';
import { describeMutationContract } from './mutation-contract.ts';
import { createSimTarget } from './sim-target.ts';

describeMutationContract(createSimTarget(DEFAULT_FLEET_SPEC));
