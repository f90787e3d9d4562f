import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Which batches the rollups have taken into account, and in which status (`committed`, or
 * `rolled_back` once undone). A batch whose status differs from the one recorded here is pending.
 * `generation` grows with every refresh: the dashboards' data version includes its maximum.
 */
@Entity('rollup_batch_state')
export class RollupBatchState {
  @PrimaryColumn({ name: 'batch_id', type: 'int' })
  batchId!: number;

  @Column({ type: 'varchar', length: 16 })
  status!: string;

  @Column({ type: 'int' })
  generation!: number;

  @Column({ name: 'refreshed_at', type: 'datetime' })
  refreshedAt!: Date;
}
