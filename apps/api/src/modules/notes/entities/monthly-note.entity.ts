import { Column, Entity, Index, OneToMany } from 'typeorm';
import { IndustryMonthRecord } from './industry-month-record';
import type { MonthlyNoteVersion } from './monthly-note-version.entity';

/**
 * A lead unit's monthly note on one industry (工作进展、存在问题、意见建议): one row per
 * (industry, month, unit); its text lives in versions, the current one being `current_version`.
 */
@Entity('monthly_note')
@Index('uq_monthly_note_subject', ['industryNodeId', 'periodYear', 'periodMonth', 'unit'], { unique: true })
@Index('idx_monthly_note_period', ['periodYear', 'periodMonth'])
export class MonthlyNote extends IndustryMonthRecord {
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
