import { DEFAULT_FLEET_SPEC } from '../sim/index.ts';
import { describeClientContract } from './client-contract.ts';
import { createSimTarget } from './sim-target.ts';

// The demo's fleet, sampled: one regional cloud (three regions), one site, one edge cloud (forty sites).
describeClientContract(createSimTarget(DEFAULT_FLEET_SPEC));
