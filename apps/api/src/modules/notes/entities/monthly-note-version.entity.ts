import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { MonthlyNote } from './monthly-note.entity';

/** One saved text of a monthly note; never changed once written (an edit adds a version). */
@Entity('monthly_note_version')
@Index('uq_monthly_note_version', ['noteId', 'version'], { unique: true })
export class MonthlyNoteVersion {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'note_id', type: 'int' })
  noteId!: number;

  @ManyToOne('MonthlyNote', (n: MonthlyNote) => n.versions, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'note_id' })
  note?: MonthlyNote;

  @Column({ type: 'int' })
  version!: number;

  /** 工作进展 */
  @Column({ type: 'text' })
  progress!: string;

  /** 存在问题 */
  @Column({ type: 'text' })
  problems!: string;

  /** 意见建议 */
  @Column({ type: 'text' })
  suggestions!: string;

  @Column({ name: 'created_by_user_id', type: 'int', nullable: true })
  createdByUserId!: number | null;

  @Column({ name: 'created_by_name', type: 'varchar', length: 100 })
  createdByName!: string;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt!: Date;
}
