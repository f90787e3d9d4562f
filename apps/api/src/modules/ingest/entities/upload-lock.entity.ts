import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * Commit lock of one dataset and period. A commit inserts one row per period of its file inside its
 * transaction and deletes them before it commits: a second commit of the same period blocks on the
 * primary key until the first one has finished (MySQL row lock; SQLite has one writer), so two
 * commits of the same period never interleave, across API instances too. The table is empty at rest.
 */
@Entity('upload_lock')
export class UploadLock {
  @PrimaryColumn({ type: 'varchar', length: 32 })
  dataset!: string;

  @PrimaryColumn({ name: 'period_year', type: 'smallint' })
  periodYear!: number;

  @PrimaryColumn({ name: 'period_month', type: 'smallint' })
  periodMonth!: number;

  @Column({ name: 'batch_id', type: 'int' })
  batchId!: number;

  @CreateDateColumn({ name: 'locked_at' })
  lockedAt!: Date;
}
