import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { valueColumn } from '../../../core/database/decimal';
import type { Target } from './target.entity';

/** A year's target (年度目标) entered by the plan owner; without one the planned path is interpolated. */
@Entity('annual_target')
@Index('uq_annual_target_year', ['targetId', 'year'], { unique: true })
export class AnnualTarget {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'target_id', type: 'int' })
  targetId!: number;

  @ManyToOne('Target', (t: Target) => t.annualTargets, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'target_id' })
  target?: Target;

  @Column({ type: 'smallint' })
  year!: number;

  @Column(valueColumn({ nullable: false }))
  value!: string;

  @Column({ type: 'varchar', length: 300, nullable: true })
  note!: string | null;
}
