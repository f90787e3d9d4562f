import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { percentColumn, valueColumn } from '../../../core/database/decimal';

/**
 * An earlier vintage of an observation, kept when a later batch replaced it: the old values, the
 * batch and row they came from, and who replaced them with which batch and when. Never updated.
 */
@Entity('observation_revision')
@Index('idx_revision_period', ['seriesId', 'periodYear', 'periodMonth'])
@Index('idx_revision_replaced_by', ['replacedByBatchId'])
export class ObservationRevision {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'observation_id', type: 'int' })
  observationId!: number;

  @Column({ name: 'series_id', type: 'int' })
  seriesId!: number;

  @Column({ name: 'period_year', type: 'smallint' })
  periodYear!: number;

  @Column({ name: 'period_month', type: 'smallint' })
  periodMonth!: number;

  @Column(valueColumn({ name: 'value_month' }))
  valueMonth!: string | null;

  @Column(valueColumn({ name: 'value_ytd' }))
  valueYtd!: string | null;

  @Column(percentColumn({ name: 'yoy_month_pct' }))
  yoyMonthPct!: string | null;

  @Column(percentColumn({ name: 'yoy_ytd_pct' }))
  yoyYtdPct!: string | null;

  @Column({ name: 'month_derived', type: 'boolean', default: false })
  monthDerived!: boolean;

  @Column({ name: 'ytd_derived', type: 'boolean', default: false })
  ytdDerived!: boolean;

  @Column({ name: 'yoy_computed', type: 'boolean', default: false })
  yoyComputed!: boolean;

  @Column({ name: 'merged_jan_feb', type: 'boolean', default: false })
  mergedJanFeb!: boolean;

  /** The batch and row the replaced values came from. */
  @Column({ name: 'batch_id', type: 'int' })
  batchId!: number;

  @Column({ name: 'source_row', type: 'int' })
  sourceRow!: number;

  @Column({ type: 'int' })
  version!: number;

  @Column({ name: 'replaced_by_batch_id', type: 'int' })
  replacedByBatchId!: number;

  @Column({ name: 'replaced_by_user_id', type: 'int', nullable: true })
  replacedByUserId!: number | null;

  @CreateDateColumn({ name: 'replaced_at' })
  replacedAt!: Date;
}
