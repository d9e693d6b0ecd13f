import { DEFAULT_FLEET_SPEC } from '../sim/index.ts';
import { describeServerDetailContract } from './server-detail-contract.ts';
import { createSimTarget } from './sim-target.ts';

describeServerDetailContract(createSimTarget(DEFAULT_FLEET_SPEC));
