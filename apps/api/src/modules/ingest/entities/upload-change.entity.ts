import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { UploadBatch } from './upload-batch.entity';

/** One change a batch makes (or would make) to what is stored, as shown in the report's diff (first ones). */
@Entity('upload_change')
@Index('idx_upload_change_batch', ['batchId', 'seq'])
export class UploadChange {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'batch_id', type: 'int' })
  batchId!: number;

  @ManyToOne('UploadBatch', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'batch_id' })
  batch?: UploadBatch;

  @Column({ type: 'int' })
  seq!: number;

  /** `new` | `changed`. */
  @Column({ type: 'varchar', length: 8 })
  kind!: 'new' | 'changed';

  @Column({ name: 'row_no', type: 'int', nullable: true })
  rowNo!: number | null;

  @Column({ type: 'varchar', length: 300 })
  subject!: string;

  @Column({ type: 'varchar', length: 100, nullable: true })
  indicator!: string | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  period!: string | null;

  @Column({ type: 'varchar', length: 24, nullable: true })
  unit!: string | null;

  /** UploadDiffFieldDto[] as JSON. */
  @Column({ name: 'fields_json', type: 'varchar', length: 2000 })
  fieldsJson!: string;
}
