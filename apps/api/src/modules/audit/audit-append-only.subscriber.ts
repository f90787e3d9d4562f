import { EventSubscriber, type BeforeQueryEvent, type EntitySubscriberInterface, type RemoveEvent, type UpdateEvent } from 'typeorm';
import { AuditLog } from './entities/audit-log.entity';

/** SQL that would change or remove existing audit records (UPDATE, DELETE, REPLACE, TRUNCATE, upserts). */
const TAMPERING = [
  /^\s*update\s+(?:[`"]?\w+[`"]?\.)?[`"]?audit_log[`"]?(?:\s|$)/i,
  /^\s*delete\s+from\s+(?:[`"]?\w+[`"]?\.)?[`"]?audit_log[`"]?(?:\s|$)/i,
  /^\s*(?:replace|insert\s+or\s+replace)\s+into\s+(?:[`"]?\w+[`"]?\.)?[`"]?audit_log[`"]?/i,
  /^\s*truncate\s+(?:table\s+)?(?:[`"]?\w+[`"]?\.)?[`"]?audit_log[`"]?/i,
  /^\s*insert\s+into\s+(?:[`"]?\w+[`"]?\.)?[`"]?audit_log[`"]?[\s\S]*\bon\s+(?:duplicate\s+key\s+update|conflict)\b/i,
];

export class AuditLogTamperingError extends Error {
  constructor() {
    super('audit_log is append-only: records cannot be updated or deleted');
  }
}

/** Whether a SQL statement would change or remove audit records. */
export function isAuditTampering(sql: string): boolean {
  return TAMPERING.some((re) => re.test(sql));
}

/**
 * The application's own guarantee that the audit log is append-only: every statement TypeORM sends
 * (repositories, query builders, raw queries) is checked before it runs, and one that would update or
 * delete audit records fails. Schema changes (migrations) are not affected. On MySQL the database
 * grant (docs/SECURITY.md) enforces the same thing below the application.
 */
@EventSubscriber()
export class AuditAppendOnlySubscriber implements EntitySubscriberInterface<AuditLog> {
  listenTo() {
    return AuditLog;
  }

  beforeQuery(event: BeforeQueryEvent<unknown>): void {
    if (isAuditTampering(event.query)) throw new AuditLogTamperingError();
  }

  beforeUpdate(_event: UpdateEvent<AuditLog>): void {
    throw new AuditLogTamperingError();
  }

  beforeRemove(_event: RemoveEvent<AuditLog>): void {
    throw new AuditLogTamperingError();
  }

  beforeSoftRemove(_event: RemoveEvent<AuditLog>): void {
    throw new AuditLogTamperingError();
  }
}
