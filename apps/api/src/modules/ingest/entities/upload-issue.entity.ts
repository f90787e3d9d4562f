import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { UploadIssueSeverity } from '@im/contracts';
import type { UploadBatch } from './upload-batch.entity';

/** A problem found in an uploaded file (error or warning), with the file's row number and column. */
@Entity('upload_issue')
@Index('idx_upload_issue_batch', ['batchId', 'severity', 'seq'])
export class UploadIssue {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'batch_id', type: 'int' })
  batchId!: number;

  @ManyToOne('UploadBatch', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'batch_id' })
  batch?: UploadBatch;

  /** Order within the batch (file order, file-level problems first). */
  @Column({ type: 'int' })
  seq!: number;

  @Column({ name: 'row_no', type: 'int', nullable: true })
  rowNo!: number | null;

  @Column({ name: 'column_name', type: 'varchar', length: 100, nullable: true })
  columnName!: string | null;

  @Column({ type: 'varchar', length: 32 })
  code!: string;

  @Column({ type: 'varchar', length: 8 })
  severity!: UploadIssueSeverity;

  @Column({ type: 'varchar', length: 500 })
  message!: string;

  @Column({ name: 'cell_value', type: 'varchar', length: 200, nullable: true })
  cellValue!: string | null;

  /** Closest known names, JSON array. */
  @Column({ type: 'varchar', length: 500, nullable: true })
  suggestions!: string | null;
}
