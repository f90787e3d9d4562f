import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { JobRunStatus, JobTrigger } from '@im/contracts';

/**
 * One run of a scheduled job. `(job_name, slot_key)` is unique: the slot of a scheduled run is its
 * tick (`tick:<ISO time>`), so when several API instances fire the same tick only the first insert
 * wins and the others do nothing; a manual run has its own slot (`manual:<random>`).
 */
@Entity('job_run')
@Index('uq_job_run_slot', ['jobName', 'slotKey'], { unique: true })
@Index('idx_job_run_started', ['jobName', 'startedAt'])
@Index('idx_job_run_status', ['status'])
export class JobRun {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'job_name', type: 'varchar', length: 64 })
  jobName!: string;

  @Column({ name: 'slot_key', type: 'varchar', length: 80 })
  slotKey!: string;

  @Column({ type: 'varchar', length: 16 })
  trigger!: JobTrigger;

  @Column({ type: 'varchar', length: 16 })
  status!: JobRunStatus;

  /** The moment the run is for (the tick, or "now" of a manual run). */
  @Column({ name: 'run_for', type: 'datetime' })
  runFor!: Date;

  @Column({ name: 'started_at', type: 'datetime' })
  startedAt!: Date;

  @Column({ name: 'finished_at', type: 'datetime', nullable: true })
  finishedAt!: Date | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  summary!: string | null;

  /** The job's counts and keys, and the webhook deliveries (JSON). */
  @Column({ name: 'details_json', type: 'text', nullable: true })
  detailsJson!: string | null;

  @Column({ name: 'error_message', type: 'varchar', length: 1000, nullable: true })
  errorMessage!: string | null;

  /** Which API process ran it (host:pid:random). */
  @Column({ name: 'instance_id', type: 'varchar', length: 120 })
  instanceId!: string;

  /** Who pressed "run now" (manual runs). */
  @Column({ name: 'triggered_by_id', type: 'int', nullable: true })
  triggeredById!: number | null;
}
