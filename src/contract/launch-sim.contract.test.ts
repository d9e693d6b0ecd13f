import { DEFAULT_FLEET_SPEC } from '../sim/index.ts';
import { describeLaunchContract } from './launch-contract.ts';
import { createSimTarget } from './sim-target.ts';

describeLaunchContract(createSimTarget(DEFAULT_FLEET_SPEC));
