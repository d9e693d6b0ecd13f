import { DEFAULT_FLEET_SPEC } from '../sim/index.ts';
import { describeFlavorAndGroupContract } from './flavor-sg-contract.ts';
import { createSimTarget } from './sim-target.ts';

describeFlavorAndGroupContract(createSimTarget(DEFAULT_FLEET_SPEC));
