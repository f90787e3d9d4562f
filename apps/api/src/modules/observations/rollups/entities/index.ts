import { RollupBatchState } from './rollup-batch-state.entity';
import { RollupEnterprisePoint } from './rollup-enterprise-point.entity';
import { RollupEnterpriseSum } from './rollup-enterprise-sum.entity';
import { RollupIndustryClosure } from './rollup-industry-closure.entity';
import { RollupRegionClosure } from './rollup-region-closure.entity';

/** Derived tables of the observations module (rebuilt from `observation` by RollupService). */
export const ROLLUP_ENTITIES = [RollupEnterpriseSum, RollupEnterprisePoint, RollupIndustryClosure, RollupRegionClosure, RollupBatchState];
