import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccessScope } from '../../core/security/access-scope';
import { IndustryNode } from '../catalog/entities/industry-node.entity';
import { Region } from '../catalog/entities/region.entity';
import type { User } from '../users/entities/user.entity';

/** The industry tree changes rarely (admin edits); its parent links are re-read at most this often. */
const TREE_TTL_MS = 60_000;

/** Ids of `roots` and all their descendants, from a child → parent map. */
export function withDescendants(roots: readonly number[], parentOf: ReadonlyMap<number, number | null>): number[] {
  const children = new Map<number, number[]>();
  for (const [id, parent] of parentOf) {
    if (parent === null) continue;
    const list = children.get(parent) ?? [];
    list.push(id);
    children.set(parent, list);
  }
  const out = new Set<number>();
  const stack = [...roots];
  while (stack.length) {
    const id = stack.pop()!;
    if (out.has(id)) continue;
    out.add(id);
    stack.push(...(children.get(id) ?? []));
  }
  return [...out].sort((a, b) => a - b);
}

/** Builds a user's AccessScope from the database (role, district, led industries) — the only place a scope is made. */
@Injectable()
export class AccessScopeFactory {
  private tree: { at: number; parentOf: Map<number, number | null> } | null = null;

  constructor(private readonly dataSource: DataSource) {}

  async forUser(user: Pick<User, 'id' | 'role' | 'districtId'>): Promise<AccessScope> {
    switch (user.role) {
      case 'admin':
      case 'statistician':
      case 'leader':
        return AccessScope.unrestricted(user.id, user.role);
      case 'district':
        return this.district(user.id, user.districtId);
      case 'lead_unit':
        return this.leadUnit(user.id);
      default:
        return AccessScope.nothing(user.id, null);
    }
  }

  private async district(userId: number, regionId: number | null): Promise<AccessScope> {
    if (regionId === null) return AccessScope.nothing(userId, 'district');
    const regions = this.dataSource.getRepository(Region);
    const region = await regions.findOneBy({ id: regionId });
    if (!region || (region.type !== 'district' && region.type !== 'zone')) return AccessScope.nothing(userId, 'district');
    const parks = await regions
      .createQueryBuilder('r')
      .select('r.id', 'id')
      .where('r.type = :park', { park: 'park' })
      .andWhere(region.type === 'district' ? 'r.parent_id = :id' : '(r.zone_id = :id OR r.parent_id = :id)', { id: region.id })
      .getRawMany<{ id: number | string }>();
    return AccessScope.district(
      userId,
      region.id,
      region.type === 'district' ? [region.id] : [],
      parks.map((p) => Number(p.id)),
    );
  }

  private async leadUnit(userId: number): Promise<AccessScope> {
    const rows = await this.dataSource
      .createQueryBuilder()
      .select('l.industry_node_id', 'id')
      .from('user_lead_industry', 'l')
      .where('l.user_id = :userId', { userId })
      .getRawMany<{ id: number | string }>();
    const led = rows.map((r) => Number(r.id));
    if (!led.length) return AccessScope.leadUnit(userId, []);
    return AccessScope.leadUnit(userId, withDescendants(led, await this.parentMap()));
  }

  private async parentMap(): Promise<Map<number, number | null>> {
    if (this.tree && Date.now() - this.tree.at < TREE_TTL_MS) return this.tree.parentOf;
    const nodes = await this.dataSource.getRepository(IndustryNode).find({ select: { id: true, parentId: true } });
    const parentOf = new Map(nodes.map((n) => [n.id, n.parentId]));
    this.tree = { at: Date.now(), parentOf };
    return parentOf;
  }
}
