import { DEFAULT_FLEET_SPEC } from '../sim/index.ts';
import { describeImageMutationContract } from './image-mutation-contract.ts';
import { createSimTarget } from './sim-target.ts';

describeImageMutationContract(createSimTarget(DEFAULT_FLEET_SPEC));
