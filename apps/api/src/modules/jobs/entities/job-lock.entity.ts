import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One row per job: who runs it right now. Taken with one conditional UPDATE (`holder IS NULL OR
 * locked_until < now`), which is atomic on MySQL and SQLite alike, so a manual and a scheduled run of
 * the same job never overlap, across API instances too. A holder that died frees the lock when
 * `locked_until` passes (JOB_RUN_TIMEOUT_MINUTES).
 */
@Entity('job_lock')
export class JobLock {
  @PrimaryColumn({ name: 'job_name', type: 'varchar', length: 64 })
  jobName!: string;

  /** Run id holding the lock, or null when free. */
  @Column({ type: 'varchar', length: 160, nullable: true })
  holder!: string | null;

  @Column({ name: 'locked_until', type: 'datetime', nullable: true })
  lockedUntil!: Date | null;
}
