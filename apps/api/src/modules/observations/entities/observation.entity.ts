import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { percentColumn, valueColumn } from '../../../core/database/decimal';
import type { UploadBatch } from '../../ingest/entities/upload-batch.entity';
import type { Series } from './series.entity';

/**
 * The current value of a series for one period (the latest vintage; earlier ones are revisions).
 * Period = year + month of the period end (quarterly: 3/6/9/12; annual: 12). A merged 1–2月 figure
 * is stored at month 2 with `mergedJanFeb`. Every row names the batch and the file row it came from.
 */
@Entity('observation')
@Index('uq_observation_period', ['seriesId', 'periodYear', 'periodMonth'], { unique: true })
@Index('idx_observation_batch', ['batchId'])
@Index('idx_observation_period', ['periodYear', 'periodMonth'])
export class Observation {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'series_id', type: 'int' })
  seriesId!: number;

  @ManyToOne('Series', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'series_id' })
  series?: Series;

  @Column({ name: 'period_year', type: 'smallint' })
  periodYear!: number;

  @Column({ name: 'period_month', type: 'smallint' })
  periodMonth!: number;

  /** 本月 */
  @Column(valueColumn({ name: 'value_month' }))
  valueMonth!: string | null;

  /** 1–本月累计 */
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

  @Column({ name: 'batch_id', type: 'int' })
  batchId!: number;

  @ManyToOne('UploadBatch', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'batch_id' })
  batch?: UploadBatch;

  @Column({ name: 'source_row', type: 'int' })
  sourceRow!: number;

  /** 1 for the first vintage, incremented by every replacement. */
  @Column({ type: 'int', default: 1 })
  version!: number;

  @UpdateDateColumn({ name: 'updated_at' })
  updatedAt!: Date;
}
