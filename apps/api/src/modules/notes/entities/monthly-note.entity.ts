import { Column, Entity, Index, JoinColumn, ManyToOne, OneToMany, PrimaryGeneratedColumn } from 'typeorm';
import type { IndustryNode } from '../../catalog/entities/industry-node.entity';
import type { MonthlyNoteVersion } from './monthly-note-version.entity';

/**
 * A lead unit's monthly note on one industry (工作进展、存在问题、意见建议): one row per
 * (industry, month, unit); its text lives in versions, the current one being `current_version`.
 */
@Entity('monthly_note')
@Index('uq_monthly_note_subject', ['industryNodeId', 'periodYear', 'periodMonth', 'unit'], { unique: true })
@Index('idx_monthly_note_period', ['periodYear', 'periodMonth'])
export class MonthlyNote {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'industry_node_id', type: 'int' })
  industryNodeId!: number;

  @ManyToOne('IndustryNode', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'industry_node_id' })
  industry?: IndustryNode;

  @Column({ name: 'period_year', type: 'smallint' })
  periodYear!: number;

  @Column({ name: 'period_month', type: 'smallint' })
  periodMonth!: number;

  /** The lead unit (牵头单位) writing it: the user's unit. */
  @Column({ type: 'varchar', length: 200 })
  unit!: string;

  @Column({ name: 'current_version', type: 'int' })
  currentVersion!: number;

  @Column({ name: 'updated_at', type: 'datetime' })
  updatedAt!: Date;

  /** Demo data (demo mode only). */
  @Column({ name: 'is_demo', type: 'boolean', default: false })
  isDemo!: boolean;

  @OneToMany('MonthlyNoteVersion', (v: MonthlyNoteVersion) => v.note)
  versions?: MonthlyNoteVersion[];
}
