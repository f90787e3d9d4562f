import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { User } from '../../users/entities/user.entity';

export type BatchStatus = 'validated' | 'committed' | 'rolled_back' | 'failed';

/** One uploaded file (or the demo generator's output): every observation points back to its batch and row. */
@Entity('upload_batch')
@Index('idx_upload_batch_sha', ['sha256', 'dataset'])
@Index('idx_upload_batch_period', ['dataset', 'periodYear', 'periodMonth'])
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

  @Column({ name: 'period_year', type: 'smallint', nullable: true })
  periodYear!: number | null;

  @Column({ name: 'period_month', type: 'smallint', nullable: true })
  periodMonth!: number | null;

  @Column({ type: 'varchar', length: 16 })
  status!: BatchStatus;

  @Column({ name: 'rows_total', type: 'int', default: 0 })
  rowsTotal!: number;

  @Column({ name: 'rows_valid', type: 'int', default: 0 })
  rowsValid!: number;

  @Column({ name: 'rows_error', type: 'int', default: 0 })
  rowsError!: number;

  @Column({ name: 'observations_new', type: 'int', default: 0 })
  observationsNew!: number;

  @Column({ name: 'observations_changed', type: 'int', default: 0 })
  observationsChanged!: number;

  @Column({ name: 'observations_unchanged', type: 'int', default: 0 })
  observationsUnchanged!: number;

  @Column({ name: 'is_demo', type: 'boolean', default: false })
  isDemo!: boolean;

  @Column({ name: 'uploaded_by_id', type: 'int', nullable: true })
  uploadedById!: number | null;

  @ManyToOne('User', { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'uploaded_by_id' })
  uploadedBy?: User | null;

  @Column({ name: 'raw_path', type: 'varchar', length: 500, nullable: true })
  rawPath!: string | null;

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;

  @Column({ name: 'committed_at', type: 'datetime', nullable: true })
  committedAt!: Date | null;

  @Column({ name: 'rolled_back_at', type: 'datetime', nullable: true })
  rolledBackAt!: Date | null;
}
