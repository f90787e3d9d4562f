import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { valueColumn } from '../../../../core/database/decimal';

/**
 * The key enterprises' 1–本月累计 per month, stored together by period (primary key period first), with
 * what a ranking filters on: a covering copy of `observation` for "top enterprises of an industry in a
 * month", which otherwise reads one scattered row per enterprise. Derived, rebuilt by RollupService;
 * the figures shown still come from `observation` (with their batch and row).
 */
@Entity('rollup_enterprise_point')
@Index('idx_rollup_enterprise_point_rank', ['periodYear', 'periodMonth', 'industryNodeId', 'valueYtd'])
export class RollupEnterprisePoint {
  @PrimaryColumn({ name: 'period_year', type: 'smallint' })
  periodYear!: number;

  @PrimaryColumn({ name: 'period_month', type: 'smallint' })
  periodMonth!: number;

  @PrimaryColumn({ name: 'series_id', type: 'int' })
  seriesId!: number;

  @Column({ name: 'industry_node_id', type: 'int' })
  industryNodeId!: number;

  @Column({ name: 'region_id', type: 'int' })
  regionId!: number;

  @Column({ name: 'indicator_id', type: 'int' })
  indicatorId!: number;

  @Column({ name: 'enterprise_id', type: 'int' })
  enterpriseId!: number;

  @Column(valueColumn({ name: 'value_ytd' }))
  valueYtd!: string | null;
}
