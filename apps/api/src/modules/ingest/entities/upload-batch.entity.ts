import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { UploadBatchStatus } from '@im/contracts';
import type { User } from '../../users/entities/user.entity';

export type BatchStatus = UploadBatchStatus;

/**
 * One uploaded file (or the demo generator's output): every observation points back to its batch and
 * row. The raw file is kept under `DATA_DIR/uploads/<id>.csv`; the report of its dry run is kept here
 * (`report_json`, issues in `upload_issue`, the first changes in `upload_change`).
 */
@Entity('upload_batch')
@Index('idx_upload_batch_sha', ['sha256', 'dataset'])
@Index('idx_upload_batch_period', ['dataset', 'periodYear', 'periodMonth'])
@Index('idx_upload_batch_status', ['status'])
export class UploadBatch {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 32 })
  dataset!: string;

  @Column({ name: 'file_name', type: 'varchar', length: 255 })
  fileName!: string;

  @Column({ type: 'varchar', length: 64 })
  sha256!: string;

  @Column({ name: 'size_bytes', type: 'bigint', default: 0 })
  sizeBytes!: string;

  @Column({ type: 'varchar', length: 16, nullable: true })
  encoding!: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  layout!: string | null;

  /** Latest period end in the file (year, month). */
  @Column({ name: 'period_year', type: 'smallint', nullable: true })
  periodYear!: number | null;

  @Column({ name: 'period_month', type: 'smallint', nullable: true })
  periodMonth!: number | null;

  /** Earliest period end in the file. */
  @Column({ name: 'period_from_year', type: 'smallint', nullable: true })
  periodFromYear!: number | null;

  @Column({ name: 'period_from_month', type: 'smallint', nullable: true })
  periodFromMonth!: number | null;

  @Column({ name: 'period_label', type: 'varchar', length: 80, nullable: true })
  periodLabel!: string | null;

  @Column({ type: 'varchar', length: 16 })
  status!: BatchStatus;

  @Column({ name: 'rows_total', type: 'int', default: 0 })
  rowsTotal!: number;

  /** Rows of the table (without title, blank and note rows). */
  @Column({ name: 'rows_data', type: 'int', default: 0 })
  rowsData!: number;

  @Column({ name: 'rows_valid', type: 'int', default: 0 })
  rowsValid!: number;

  @Column({ name: 'rows_error', type: 'int', default: 0 })
  rowsError!: number;

  /** Rows the user chose to leave out at commit. */
  @Column({ name: 'rows_excluded', type: 'int', default: 0 })
  rowsExcluded!: number;

  @Column({ name: 'observations_new', type: 'int', default: 0 })
  observationsNew!: number;

  @Column({ name: 'observations_changed', type: 'int', default: 0 })
  observationsChanged!: number;

  @Column({ name: 'observations_unchanged', type: 'int', default: 0 })
  observationsUnchanged!: number;

  /** Other stored values changed as a consequence (derived 本月/累计, computed YoY). */
  @Column({ name: 'observations_recomputed', type: 'int', default: 0 })
  observationsRecomputed!: number;

  @Column({ name: 'is_demo', type: 'boolean', default: false })
  isDemo!: boolean;

  @Column({ name: 'uploaded_by_id', type: 'int', nullable: true })
  uploadedById!: number | null;

  @ManyToOne('User', { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'uploaded_by_id' })
  uploadedBy?: User | null;

  /** Who committed the batch (a user id; users are deactivated, never deleted). */
  @Column({ name: 'committed_by_id', type: 'int', nullable: true })
  committedById!: number | null;

  /** Who rolled the batch back. */
  @Column({ name: 'rolled_back_by_id', type: 'int', nullable: true })
  rolledBackById!: number | null;

  @Column({ name: 'raw_path', type: 'varchar', length: 500, nullable: true })
  rawPath!: string | null;

  /** Options the file was read with (dataset, encoding, period chosen by the user; rows excluded at commit), JSON. */
  @Column({ name: 'options_json', type: 'text', nullable: true })
  optionsJson!: string | null;

  /** What the dry run detected and the issue summary (UploadReportDto without the lists), JSON. */
  @Column({ name: 'report_json', type: 'text', nullable: true })
  reportJson!: string | null;

  /** The committed batch an identical file was already stored with. */
  @Column({ name: 'duplicate_of_id', type: 'int', nullable: true })
  duplicateOfId!: number | null;

  /** Why the file was rejected or the last commit failed (Chinese). */
  @Column({ type: 'varchar', length: 500, nullable: true })
  message!: string | null;

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;

  @Column({ name: 'commit_started_at', type: 'datetime', nullable: true })
  commitStartedAt!: Date | null;

  @Column({ name: 'committed_at', type: 'datetime', nullable: true })
  committedAt!: Date | null;

  @Column({ name: 'rolled_back_at', type: 'datetime', nullable: true })
  rolledBackAt!: Date | null;
}
