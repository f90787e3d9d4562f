import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { ReminderKind, UserRole } from '@im/contracts';

/**
 * Something a role has to do, e.g. data of last month still missing. `(kind, period, subject_key)` is
 * unique, so a second run of the completeness job creates nothing new; a reminder resolves itself
 * when the data arrives (`resolved_at`), and reopens if it disappears again (a rollback).
 */
@Entity('reminder')
@Index('uq_reminder_subject', ['kind', 'period', 'subjectKey'], { unique: true })
@Index('idx_reminder_open', ['resolvedAt', 'audienceRole'])
export class Reminder {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 32 })
  kind!: ReminderKind;

  /** `YYYY-MM`. */
  @Column({ type: 'varchar', length: 7 })
  period!: string;

  /** e.g. `series:output:sei.ngit:xm` (indicator, industry, region codes). */
  @Column({ name: 'subject_key', type: 'varchar', length: 200 })
  subjectKey!: string;

  /** The responsible role (statistician: the data is uploaded by the statistics bureau). */
  @Column({ name: 'audience_role', type: 'varchar', length: 16 })
  audienceRole!: UserRole;

  /** District or zone the subject lies in (its district users see the reminder too), null = city level. */
  @Column({ name: 'district_id', type: 'int', nullable: true })
  districtId!: number | null;

  /** The region of the subject (city, district or park). */
  @Column({ name: 'region_id', type: 'int', nullable: true })
  regionId!: number | null;

  /** The industry of the subject (lead units of it or of an ancestor see the reminder too). */
  @Column({ name: 'industry_node_id', type: 'int', nullable: true })
  industryNodeId!: number | null;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'varchar', length: 1000 })
  body!: string;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt!: Date;

  @Column({ name: 'resolved_at', type: 'datetime', nullable: true })
  resolvedAt!: Date | null;

  @Column({ name: 'dismissed_at', type: 'datetime', nullable: true })
  dismissedAt!: Date | null;

  @Column({ name: 'dismissed_by_id', type: 'int', nullable: true })
  dismissedById!: number | null;
}
