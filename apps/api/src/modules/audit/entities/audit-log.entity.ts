import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { AuditAction, AuditResult, UserRole } from '@im/contracts';

/**
 * Append-only audit record: who (id, name and role at the time), when (UTC), from where, what
 * (action, object), the result, and the SHA-256 of a file for uploads and exports. The application
 * only ever inserts (AuditService has no other write); on MySQL the application's database user is
 * granted SELECT and INSERT only on this table (docs/SECURITY.md). No foreign key: a record outlives
 * any change to the row it names.
 */
@Entity('audit_log')
@Index('idx_audit_log_time', ['occurredAt'])
@Index('idx_audit_log_user', ['userId', 'occurredAt'])
@Index('idx_audit_log_action', ['action', 'occurredAt'])
@Index('idx_audit_log_object', ['objectType', 'objectId'])
export class AuditLog {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'occurred_at', type: 'datetime' })
  occurredAt!: Date;

  @Column({ name: 'user_id', type: 'int', nullable: true })
  userId!: number | null;

  /** User name at the time (or the name typed at a failed login, or `system` / `cli`). */
  @Column({ type: 'varchar', length: 64, nullable: true })
  username!: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  role!: UserRole | null;

  @Column({ type: 'varchar', length: 45, nullable: true })
  ip!: string | null;

  @Column({ type: 'varchar', length: 40 })
  action!: AuditAction;

  @Column({ name: 'object_type', type: 'varchar', length: 40, nullable: true })
  objectType!: string | null;

  @Column({ name: 'object_id', type: 'varchar', length: 128, nullable: true })
  objectId!: string | null;

  @Column({ type: 'varchar', length: 16 })
  result!: AuditResult;

  @Column({ name: 'file_sha256', type: 'varchar', length: 64, nullable: true })
  fileSha256!: string | null;

  @Column({ name: 'correlation_id', type: 'varchar', length: 64, nullable: true })
  correlationId!: string | null;

  /** Facts of the action as JSON (changed fields with old → new, counts, reasons); never secrets. */
  @Column({ type: 'text', nullable: true })
  detail!: string | null;
}
