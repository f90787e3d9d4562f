import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import type { ProblemStatus } from '@im/contracts';
import { IndustryMonthRecord } from './industry-month-record';
import type { MonthlyNote } from './monthly-note.entity';

/** A problem raised by a lead unit, tracked until closed (对账销号); its month is the month it was raised in. */
@Entity('problem')
@Index('idx_problem_industry', ['industryNodeId', 'status'])
@Index('idx_problem_status_due', ['status', 'dueDate'])
export class Problem extends IndustryMonthRecord {
  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'text' })
  description!: string;

  /** 责任单位 */
  @Column({ name: 'owner_unit', type: 'varchar', length: 200 })
  ownerUnit!: string;

  /** The lead unit that raised it. */
  @Column({ name: 'raised_by_unit', type: 'varchar', length: 200 })
  raisedByUnit!: string;

  /** `YYYY-MM-DD`, a calendar date in Asia/Shanghai (text compares as dates on both drivers). */
  @Column({ name: 'due_date', type: 'varchar', length: 10 })
  dueDate!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: ProblemStatus;

  @Column({ name: 'closing_note', type: 'text', nullable: true })
  closingNote!: string | null;

  @Column({ name: 'closed_at', type: 'datetime', nullable: true })
  closedAt!: Date | null;

  @Column({ name: 'note_id', type: 'int', nullable: true })
  noteId!: number | null;

  @ManyToOne('MonthlyNote', { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'note_id' })
  note?: MonthlyNote | null;

  @Column({ name: 'created_by_user_id', type: 'int', nullable: true })
  createdByUserId!: number | null;

  @Column({ name: 'created_by_name', type: 'varchar', length: 100 })
  createdByName!: string;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'datetime' })
  updatedAt!: Date;

  /** Demo data (demo mode only). */
  @Column({ name: 'is_demo', type: 'boolean', default: false })
  isDemo!: boolean;
}
