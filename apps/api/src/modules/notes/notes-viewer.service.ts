import { Injectable } from '@nestjs/common';
import { DataSource, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import type { AccessScope } from '../../core/security/access-scope';
import { IndustryNode } from '../catalog/entities/industry-node.entity';
import { User } from '../users/entities/user.entity';
import { withDescendants } from '../auth/access-scope.factory';

/**
 * What one user may read and write in the notes module, built from the AccessScope (itself built from
 * the session) and the database — never from request parameters:
 *
 * | who | reads notes and problems of | writes |
 * |---|---|---|
 * | admin, statistician, leader (and system work: jobs, the brief) | every industry | nothing |
 * | lead_unit | the industries it leads and their sub-fields; also problems owned by its unit | notes and problems of those industries; status of those problems and of problems its unit owns |
 * | district | industries carried by the parks of its district / zone, and their sub-fields (read-only) | nothing |
 * | no role, district without district | nothing | nothing |
 */
export type NotesReadScope =
  | { kind: 'all' }
  | { kind: 'none' }
  /** `ownerUnit`: problems owned by this unit are readable too (lead units). */
  | { kind: 'industries'; industryNodeIds: readonly number[]; ownerUnit: string | null };

export interface NotesViewer {
  userId: number | null;
  /** Display name written into versions and history. */
  name: string;
  /** The user's unit (牵头单位) — `unit`, else the display name; null for system work. */
  unit: string | null;
  isLeadUnit: boolean;
  read: NotesReadScope;
  /** Industries the viewer may file notes and problems for (led industries and their sub-fields). */
  writable: ReadonlySet<number>;
}

let paramCounter = 0;
const param = (name: string) => `notes_${name}_${++paramCounter % 1_000_000}`;

/** All descendants of `roots` (included), from the node list (the scope factory's walk of the tree). */
export function industriesWithDescendants(roots: readonly number[], nodes: readonly { id: number; parentId: number | null }[]): number[] {
  return withDescendants(roots, new Map(nodes.map((n) => [n.id, n.parentId])));
}

@Injectable()
export class NotesViewerService {
  constructor(private readonly dataSource: DataSource) {}

  /** The viewer of a request, or the unrestricted system viewer when no scope is given (jobs, the brief). */
  async resolve(scope?: AccessScope): Promise<NotesViewer> {
    if (!scope) return { userId: null, name: '系统', unit: null, isLeadUnit: false, read: { kind: 'all' }, writable: new Set() };
    const user = scope.userId === null ? null : await this.dataSource.getRepository(User).findOne({ where: { id: scope.userId }, select: { id: true, displayName: true, unit: true } });
    const name = user?.displayName ?? '系统';
    const unit = user ? (user.unit?.trim() || user.displayName) : null;
    const base = { userId: scope.userId, name, unit };
    if (scope.seesNothing) return { ...base, isLeadUnit: false, read: { kind: 'none' }, writable: new Set() };
    if (scope.role === 'lead_unit' && scope.aggregates.kind === 'city-or-industries') {
      const ids = scope.aggregates.industryNodeIds;
      return { ...base, isLeadUnit: true, read: { kind: 'industries', industryNodeIds: ids, ownerUnit: unit }, writable: new Set(ids) };
    }
    if (scope.role === 'district' && scope.enterprises.kind === 'regions') {
      return { ...base, isLeadUnit: false, read: { kind: 'industries', industryNodeIds: await this.carriedBy(scope.enterprises.parkIds), ownerUnit: null }, writable: new Set() };
    }
    if (scope.seesEverything) return { ...base, isLeadUnit: false, read: { kind: 'all' }, writable: new Set() };
    return { ...base, isLeadUnit: false, read: { kind: 'none' }, writable: new Set() };
  }

  /** Industries carried by these parks (park_industry) and their sub-fields. */
  private async carriedBy(parkIds: readonly number[]): Promise<number[]> {
    if (!parkIds.length) return [];
    const rows = await this.dataSource
      .createQueryBuilder()
      .select('DISTINCT pi.industry_node_id', 'id')
      .from('park_industry', 'pi')
      .where('pi.park_id IN (:...parkIds)', { parkIds })
      .getRawMany<{ id: number | string }>();
    if (!rows.length) return [];
    const nodes = await this.dataSource.getRepository(IndustryNode).find({ select: { id: true, parentId: true } });
    return industriesWithDescendants(
      rows.map((r) => Number(r.id)),
      nodes,
    );
  }
}

/** Whether the viewer may read a row of this industry (owned by this unit, for problems). */
export function canRead(viewer: NotesViewer, industryNodeId: number, ownerUnit?: string): boolean {
  const r = viewer.read;
  if (r.kind === 'all') return true;
  if (r.kind === 'none') return false;
  return r.industryNodeIds.includes(industryNodeId) || (ownerUnit !== undefined && r.ownerUnit !== null && r.ownerUnit === ownerUnit);
}

/**
 * Narrows a query to the rows the viewer may read, inside the SQL. `industryColumn` holds the
 * industry id; `ownerColumn` (problems) the owner unit.
 */
export function restrictToViewer<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, viewer: NotesViewer, industryColumn: string, ownerColumn?: string): SelectQueryBuilder<T> {
  const r = viewer.read;
  if (r.kind === 'all') return qb;
  if (r.kind === 'none') return qb.andWhere('1 = 0');
  const parts: string[] = [];
  const params: Record<string, unknown> = {};
  if (r.industryNodeIds.length) {
    const p = param('industries');
    parts.push(`${industryColumn} IN (:...${p})`);
    params[p] = r.industryNodeIds;
  }
  if (ownerColumn && r.ownerUnit !== null) {
    const p = param('owner');
    parts.push(`${ownerColumn} = :${p}`);
    params[p] = r.ownerUnit;
  }
  return parts.length ? qb.andWhere(`(${parts.join(' OR ')})`, params) : qb.andWhere('1 = 0');
}
