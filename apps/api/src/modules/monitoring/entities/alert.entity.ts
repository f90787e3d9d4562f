import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { AlertKind, AlertSeverity } from '@im/contracts';

/**
 * A warning for the overview: a target behind its time progress or planned path, or a series
 * swinging abnormally. `(kind, subject_key, period)` is unique: raised once per target and period.
 * Resolved by the job when the condition no longer holds for that period (data revised);
 * acknowledged by a user who has seen it.
 */
@Entity('alert')
@Index('uq_alert_subject', ['kind', 'subjectKey', 'period'], { unique: true })
@Index('idx_alert_open', ['resolvedAt', 'createdAt'])
export class Alert {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 32 })
  kind!: AlertKind;

  @Column({ type: 'varchar', length: 16 })
  severity!: AlertSeverity;

  /** e.g. `target:xm-sei-14.ngit-scale` or `series:output:sei.ngit:xm.park.software`. */
  @Column({ name: 'subject_key', type: 'varchar', length: 200 })
  subjectKey!: string;

  /** `YYYY-MM` (a month's figures) or `YYYY` (a complete year against the planned path). */
  @Column({ type: 'varchar', length: 7 })
  period!: string;

  @Column({ name: 'target_code', type: 'varchar', length: 100, nullable: true })
  targetCode!: string | null;

  @Column({ name: 'industry_node_id', type: 'int', nullable: true })
  industryNodeId!: number | null;

  @Column({ name: 'region_id', type: 'int', nullable: true })
  regionId!: number | null;

  /** District or zone of the subject, null = city level. */
  @Column({ name: 'district_id', type: 'int', nullable: true })
  districtId!: number | null;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'varchar', length: 1000 })
  body!: string;

  /** The figures the alert was raised on (JSON). */
  @Column({ name: 'details_json', type: 'text', nullable: true })
  detailsJson!: string | null;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt!: Date;

  @Column({ name: 'resolved_at', type: 'datetime', nullable: true })
  resolvedAt!: Date | null;

  @Column({ name: 'acknowledged_at', type: 'datetime', nullable: true })
  acknowledgedAt!: Date | null;

  @Column({ name: 'acknowledged_by_id', type: 'int', nullable: true })
  acknowledgedById!: number | null;
}
