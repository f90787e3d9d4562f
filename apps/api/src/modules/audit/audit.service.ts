import { Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuditAction, AuditPageDto, AuditResult } from '@im/contracts';
import { type Actor, currentRequestContext } from '../../core/security/request-context';
import type { AuditQuery } from './dto/audit.query';
import { AuditLog } from './entities/audit-log.entity';
import { toAuditRecordDto } from './audit.mapper';
import { sanitizeDetail } from './audit-detail';

export interface AuditEntry {
  action: AuditAction;
  /** Default `success`. */
  result?: AuditResult;
  objectType?: string | null;
  objectId?: string | number | null;
  /** SHA-256 (hex) of the uploaded or exported file. */
  fileSha256?: string | null;
  /** Facts of the action (changed fields old → new, counts, reason). Secrets are removed. */
  detail?: Record<string, unknown> | null;
  /** Who acted, when not the signed-in user of the request (a login names the user it signed in; a failed one the name typed). */
  actor?: Actor;
  /**
   * Write inside the caller's transaction: the record then exists exactly when the change does
   * (record successes of transactional changes this way; record failures outside).
   */
  manager?: EntityManager;
}

/**
 * The audit log. Append-only: this service inserts and searches, nothing else — there is no method
 * that updates or deletes a record, and AuditAppendOnlySubscriber refuses any SQL that would.
 * Who, from where and the correlation id come from the request context, never from the caller's input.
 */
@Injectable()
export class AuditService {
  private readonly logger = new Logger('Audit');

  constructor(private readonly dataSource: DataSource) {}

  async record(entry: AuditEntry): Promise<void> {
    const ctx = currentRequestContext();
    const actor = entry.actor ?? ctx?.actor ?? null;
    const manager = entry.manager ?? this.dataSource.manager;
    const detail = entry.detail ? sanitizeDetail(entry.detail) : null;
    await manager
      .createQueryBuilder()
      .insert()
      .into(AuditLog)
      .values({
        occurredAt: new Date(),
        userId: actor?.userId ?? null,
        username: actor?.username ? actor.username.slice(0, 64) : null,
        role: actor?.role ?? null,
        ip: ctx?.ip ? ctx.ip.slice(0, 45) : null,
        action: entry.action,
        objectType: entry.objectType ? entry.objectType.slice(0, 40) : null,
        objectId: entry.objectId === null || entry.objectId === undefined ? null : String(entry.objectId).slice(0, 128),
        result: entry.result ?? 'success',
        fileSha256: entry.fileSha256 ?? null,
        correlationId: ctx?.correlationId ?? null,
        detail,
      })
      .execute();
    this.logger.log({ msg: `audit ${entry.action} ${entry.result ?? 'success'}`, objectType: entry.objectType, objectId: entry.objectId, user: actor?.username });
  }

  /** Newest first; every filter optional. */
  async search(query: AuditQuery): Promise<AuditPageDto> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 50;
    const qb = this.dataSource.getRepository(AuditLog).createQueryBuilder('a');
    if (query.from) qb.andWhere('a.occurred_at >= :from', { from: new Date(query.from) });
    if (query.to) qb.andWhere('a.occurred_at < :to', { to: new Date(query.to) });
    if (query.username) qb.andWhere('a.username = :username', { username: query.username.trim().toLowerCase() });
    if (query.action) qb.andWhere('a.action = :action', { action: query.action });
    if (query.result) qb.andWhere('a.result = :result', { result: query.result });
    if (query.objectType) qb.andWhere('a.object_type = :objectType', { objectType: query.objectType });
    if (query.objectId) qb.andWhere('a.object_id = :objectId', { objectId: query.objectId });
    if (query.ip) qb.andWhere('a.ip = :ip', { ip: query.ip });
    const [rows, total] = await qb
      .orderBy('a.id', 'DESC')
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
    return { items: rows.map(toAuditRecordDto), total, page, pageSize };
  }
}
