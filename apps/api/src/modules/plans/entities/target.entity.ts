import { Column, Entity, Index, JoinColumn, ManyToOne, OneToMany, PrimaryGeneratedColumn } from 'typeorm';
import { valueColumn } from '../../../core/database/decimal';
import type { Indicator } from '../../catalog/entities/indicator.entity';
import type { IndustryNode } from '../../catalog/entities/industry-node.entity';
import type { Region } from '../../catalog/entities/region.entity';
import type { AnnualTarget } from './annual-target.entity';
import type { Plan } from './plan.entity';

export type TargetKind = 'level' | 'share' | 'count';
export type TargetComparator = 'gte' | 'gt';
export type TargetSubjectType = 'city' | 'industry' | 'region';

/**
 * A plan target. The numerator series is (indicator, industry node and/or region); share targets
 * also name the denominator series. Values are in `unit` as the plan states them (亿元, %, 家 …).
 * The series' catalog rows cannot be deleted while a target names them (foreign keys, RESTRICT).
 */
@Entity('target')
@Index('uq_target_plan_code', ['planId', 'code'], { unique: true })
export class Target {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'plan_id', type: 'int' })
  planId!: number;

  @ManyToOne('Plan', (p: Plan) => p.targets, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'plan_id' })
  plan?: Plan;

  @Column({ type: 'varchar', length: 64 })
  code!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ name: 'subject_type', type: 'varchar', length: 8 })
  subjectType!: TargetSubjectType;

  @Column({ name: 'industry_node_id', type: 'int', nullable: true })
  industryNodeId!: number | null;

  @ManyToOne('IndustryNode', { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'industry_node_id' })
  industryNode?: IndustryNode;

  @Column({ name: 'region_id', type: 'int', nullable: true })
  regionId!: number | null;

  @ManyToOne('Region', { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'region_id' })
  region?: Region;

  @Column({ name: 'indicator_id', type: 'int' })
  indicatorId!: number;

  @ManyToOne('Indicator', { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'indicator_id' })
  indicator?: Indicator;

  @Column({ name: 'denominator_industry_node_id', type: 'int', nullable: true })
  denominatorIndustryNodeId!: number | null;

  @ManyToOne('IndustryNode', { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'denominator_industry_node_id' })
  denominatorIndustryNode?: IndustryNode;

  @Column({ name: 'denominator_region_id', type: 'int', nullable: true })
  denominatorRegionId!: number | null;

  @ManyToOne('Region', { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'denominator_region_id' })
  denominatorRegion?: Region;

  @Column({ name: 'denominator_indicator_id', type: 'int', nullable: true })
  denominatorIndicatorId!: number | null;

  @ManyToOne('Indicator', { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'denominator_indicator_id' })
  denominatorIndicator?: Indicator;

  @Column({ type: 'varchar', length: 8 })
  kind!: TargetKind;

  @Column({ type: 'varchar', length: 4, default: 'gte' })
  comparator!: TargetComparator;

  @Column(valueColumn({ name: 'target_value', nullable: false }))
  targetValue!: string;

  @Column({ name: 'target_year', type: 'smallint' })
  targetYear!: number;

  @Column(valueColumn({ name: 'baseline_value' }))
  baselineValue!: string | null;

  @Column({ name: 'baseline_year', type: 'smallint', nullable: true })
  baselineYear!: number | null;

  /** When the baseline is of another scope than the target (e.g. 电子信息 for 新一代信息技术). */
  @Column({ name: 'baseline_scope_label', type: 'varchar', length: 200, nullable: true })
  baselineScopeLabel!: string | null;

  @Column({ type: 'varchar', length: 24 })
  unit!: string;

  @Column({ name: 'source_document', type: 'varchar', length: 200, nullable: true })
  sourceDocument!: string | null;

  @Column({ name: 'source_article', type: 'varchar', length: 200, nullable: true })
  sourceArticle!: string | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  note!: string | null;

  @OneToMany('AnnualTarget', (a: AnnualTarget) => a.target)
  annualTargets?: AnnualTarget[];
}
