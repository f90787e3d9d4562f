import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { ProblemEventKind, ProblemStatus } from '@im/contracts';
import type { Problem } from './problem.entity';

/** One entry of a problem's history: creation, an edit (changed fields) or a status change (from → to, note). */
@Entity('problem_event')
@Index('idx_problem_event_problem', ['problemId', 'id'])
export class ProblemEvent {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'problem_id', type: 'int' })
  problemId!: number;

  @ManyToOne('Problem', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'problem_id' })
  problem?: Problem;

  @Column({ type: 'varchar', length: 16 })
  kind!: ProblemEventKind;

  @Column({ name: 'from_status', type: 'varchar', length: 16, nullable: true })
  fromStatus!: ProblemStatus | null;

  @Column({ name: 'to_status', type: 'varchar', length: 16, nullable: true })
  toStatus!: ProblemStatus | null;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  /** JSON of changed fields `{ field: { from, to } }`. */
  @Column({ type: 'text', nullable: true })
  changes!: string | null;

  @Column({ name: 'user_id', type: 'int', nullable: true })
  userId!: number | null;

  @Column({ name: 'user_name', type: 'varchar', length: 100 })
  userName!: string;

  @Column({ type: 'datetime' })
  at!: Date;
}
