import type { AuditRecordDto } from '@im/contracts';
import type { AuditLog } from './entities/audit-log.entity';

function parseDetail(json: string | null): Record<string, unknown> | null {
  if (!json) return null;
  try {
    const v: unknown = JSON.parse(json);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : { value: v };
  } catch {
    return { raw: json };
  }
}

export function toAuditRecordDto(a: AuditLog): AuditRecordDto {
  return {
    id: Number(a.id),
    occurredAt: new Date(a.occurredAt).toISOString(),
    userId: a.userId,
    username: a.username,
    role: a.role,
    ip: a.ip,
    action: a.action,
    objectType: a.objectType,
    objectId: a.objectId,
    result: a.result,
    fileSha256: a.fileSha256,
    correlationId: a.correlationId,
    detail: parseDetail(a.detail),
  };
}
