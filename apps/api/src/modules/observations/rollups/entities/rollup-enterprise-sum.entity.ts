import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { valueColumn } from '../../../../core/database/decimal';

/**
 * Sums of the key enterprises' monthly series per indicator × industry node × region × month, for
 * every ancestor of the enterprise's industry node (within its framework) and of its region (park →
 * district, zone, city). Derived data, rebuilt from `observation` by {@link RollupService}: never
 * edited, never a source of truth. A sum covers the enterprises that reported (`enterprises_*`
 * counts say how many); it is never presented as the industry's total, which the bureau reports.
 */
@Entity('rollup_enterprise_sum')
@Index('idx_rollup_enterprise_sum_period', ['periodYear', 'periodMonth'])
export class RollupEnterpriseSum {
  @PrimaryColumn({ name: 'industry_node_id', type: 'int' })
  industryNodeId!: number;

  @PrimaryColumn({ name: 'region_id', type: 'int' })
  regionId!: number;

  @PrimaryColumn({ name: 'period_year', type: 'smallint' })
  periodYear!: number;

  @PrimaryColumn({ name: 'period_month', type: 'smallint' })
  periodMonth!: number;

  @PrimaryColumn({ name: 'indicator_id', type: 'int' })
  indicatorId!: number;

  /** Σ 本月 of the enterprises that have one (null when none has). */
  @Column(valueColumn({ name: 'value_month' }))
  valueMonth!: string | null;

  /** Σ 1–本月累计 of the enterprises that have one. */
  @Column(valueColumn({ name: 'value_ytd' }))
  valueYtd!: string | null;

  /** Enterprises with an observation for the month. */
  @Column({ type: 'int' })
  enterprises!: number;

  @Column({ name: 'enterprises_month', type: 'int' })
  enterprisesMonth!: number;

  @Column({ name: 'enterprises_ytd', type: 'int' })
  enterprisesYtd!: number;
}
