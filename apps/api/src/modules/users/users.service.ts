import { Injectable, Logger } from '@nestjs/common';
import { Brackets, DataSource, type EntityManager, In } from 'typeorm';
import type { CreateUserRequest, UpdateUserRequest, UserDto, UserRole } from '@im/contracts';
import { type Actor, SYSTEM_ACTOR } from '../../core/security/request-context';
import type { SecurityConfig } from '../../core/security/security-config';
import { AuditService } from '../audit/audit.service';
import { hashPassword } from '../auth/password-hasher';
import { passwordProblems } from '../auth/password-policy';
import { SessionService } from '../auth/session.service';
import { IndustryNode } from '../catalog/entities/industry-node.entity';
import { Region } from '../catalog/entities/region.entity';
import { DEMO_PASSWORD, DEMO_USERS } from './demo-users';
import type { UsersQuery } from './dto/users.query';
import { User } from './entities/user.entity';
import { toUserDto } from './users.mapper';
import { UsersException } from './users.exception';
import { containsPattern } from '../../core/database/like';

const RELATIONS = { district: true, leadIndustries: true } as const;

interface ScopeFields {
  districtId: number | null;
  leadIndustries: IndustryNode[];
}

export interface CreateOptions {
  isDemo?: boolean;
  /** Who creates the user when not the request's user (start-up bootstrap, CLI). */
  actor?: Actor;
  /** Demo users have the published demo password, which the policy refuses for everybody else. */
  skipPasswordPolicy?: boolean;
}

/**
 * Users, roles and scopes. Admin operations are audited inside the same transaction as the change;
 * changes that alter what a user may do (role, deactivation, password) end the user's sessions.
 */
@Injectable()
export class UsersService {
  private readonly logger = new Logger(UsersService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly sessions: SessionService,
  ) {}

  async list(query: UsersQuery): Promise<UserDto[]> {
    const qb = this.dataSource
      .getRepository(User)
      .createQueryBuilder('u')
      .leftJoinAndSelect('u.district', 'district')
      .leftJoinAndSelect('u.leadIndustries', 'industry')
      .orderBy('u.id', 'ASC');
    if (query.role) qb.andWhere('u.role = :role', { role: query.role });
    if (query.active !== undefined) qb.andWhere('u.active = :active', { active: query.active });
    if (query.q?.trim()) {
      const like = containsPattern(query.q);
      qb.andWhere(
        new Brackets((w) =>
          w
            .where("LOWER(u.username) LIKE :like ESCAPE '!'", { like })
            .orWhere("LOWER(u.display_name) LIKE :like ESCAPE '!'", { like })
            .orWhere("LOWER(u.unit) LIKE :like ESCAPE '!'", { like }),
        ),
      );
    }
    return (await qb.getMany()).map(toUserDto);
  }

  async get(id: number): Promise<UserDto> {
    return toUserDto(await this.load(this.dataSource.manager, id));
  }

  async create(input: CreateUserRequest, options: CreateOptions = {}): Promise<UserDto> {
    const username = input.username.trim().toLowerCase();
    if (!options.skipPasswordPolicy) this.checkPassword(input.password, username);
    const passwordHash = await hashPassword(input.password);
    const id = await this.dataSource.transaction(async (m) => {
      if (await m.getRepository(User).existsBy({ username })) throw UsersException.usernameTaken(username);
      const scope = await this.scopeFields(m, input.role, input.districtCode, input.leadIndustryCodes, null);
      const repo = m.getRepository(User);
      const user = repo.create({
        username,
        displayName: input.displayName.trim(),
        passwordHash,
        role: input.role,
        districtId: scope.districtId,
        leadIndustries: scope.leadIndustries,
        unit: input.unit?.trim() || null,
        active: true,
        isDemo: options.isDemo ?? false,
        passwordChangedAt: new Date(),
      });
      const saved = await repo.save(user);
      await this.audit.record({
        action: 'user.create',
        objectType: 'user',
        objectId: saved.id,
        actor: options.actor,
        manager: m,
        detail: {
          username,
          displayName: saved.displayName,
          role: saved.role,
          districtCode: input.districtCode ?? null,
          leadIndustryCodes: scope.leadIndustries.map((n) => n.code),
          unit: saved.unit,
          ...(options.isDemo ? { demo: true } : {}),
        },
      });
      return saved.id;
    });
    return this.get(id);
  }

  async update(id: number, patch: UpdateUserRequest, actorId: number | null): Promise<UserDto> {
    const endSessions = await this.dataSource.transaction(async (m) => {
      const user = await this.load(m, id);
      const before = toUserDto(user);
      const role = patch.role ?? user.role;
      const self = actorId === user.id;
      if (self && ((patch.role !== undefined && patch.role !== user.role) || patch.active === false)) throw UsersException.selfChange();
      if (user.role === 'admin' && user.active && (role !== 'admin' || patch.active === false) && (await this.activeAdmins(m)) <= 1) throw UsersException.lastAdmin();

      const roleChanged = role !== user.role;
      const districtCode = patch.districtCode !== undefined ? patch.districtCode : roleChanged && role !== 'district' ? null : undefined;
      const industryCodes = patch.leadIndustryCodes !== undefined ? patch.leadIndustryCodes : roleChanged && role !== 'lead_unit' ? [] : undefined;
      const scope = await this.scopeFields(m, role, districtCode, industryCodes, user);

      await m.getRepository(User).update(
        { id },
        {
          displayName: patch.displayName !== undefined ? patch.displayName.trim() : user.displayName,
          unit: patch.unit !== undefined ? patch.unit?.trim() || null : user.unit,
          active: patch.active ?? user.active,
          role,
          districtId: scope.districtId,
        },
      );
      const had = new Set((user.leadIndustries ?? []).map((n) => n.id));
      const want = new Set(scope.leadIndustries.map((n) => n.id));
      await m
        .createQueryBuilder()
        .relation(User, 'leadIndustries')
        .of(id)
        .addAndRemove([...want].filter((x) => !had.has(x)), [...had].filter((x) => !want.has(x)));
      const after = toUserDto(await this.load(m, id));

      const changes: Record<string, { from: unknown; to: unknown }> = {};
      for (const key of ['displayName', 'role', 'district', 'leadIndustries', 'unit', 'active'] as const) {
        const from = key === 'district' ? before.district?.code ?? null : key === 'leadIndustries' ? before.leadIndustries.map((n) => n.code) : before[key];
        const to = key === 'district' ? after.district?.code ?? null : key === 'leadIndustries' ? after.leadIndustries.map((n) => n.code) : after[key];
        if (JSON.stringify(from) !== JSON.stringify(to)) changes[key] = { from, to };
      }
      const revoke = 'role' in changes || ('active' in changes && !after.active);
      await this.audit.record({ action: 'user.update', objectType: 'user', objectId: id, manager: m, detail: { username: user.username, changes, sessionsEnded: revoke } });
      return revoke;
    });
    if (endSessions) await this.sessions.revokeAllOf(id);
    return this.get(id);
  }

  /** An admin sets a user's password; every session of the user ends. */
  async resetPassword(id: number, password: string): Promise<UserDto> {
    const user = await this.load(this.dataSource.manager, id);
    this.checkPassword(password, user.username);
    const passwordHash = await hashPassword(password);
    await this.dataSource.transaction(async (m) => {
      await m.getRepository(User).update({ id }, { passwordHash, passwordChangedAt: new Date() });
      await this.audit.record({ action: 'user.password_reset', objectType: 'user', objectId: id, manager: m, detail: { username: user.username } });
    });
    await this.sessions.revokeAllOf(id);
    return this.get(id);
  }

  /** Demo mode: creates the demo users that do not exist yet (idempotent). Returns the names created. */
  async ensureDemoUsers(): Promise<string[]> {
    const created: string[] = [];
    for (const spec of DEMO_USERS) {
      if (await this.dataSource.getRepository(User).existsBy({ username: spec.username })) continue;
      await this.create({ ...spec, password: DEMO_PASSWORD }, { isDemo: true, actor: SYSTEM_ACTOR, skipPasswordPolicy: true });
      created.push(spec.username);
    }
    return created;
  }

  /** ADMIN_* variables: creates that administrator when no user of that name exists. Never changes an existing user. */
  async bootstrapAdmin(admin: NonNullable<SecurityConfig['admin']>): Promise<'created' | 'exists'> {
    if (await this.dataSource.getRepository(User).existsBy({ username: admin.username })) return 'exists';
    await this.create({ username: admin.username, displayName: admin.displayName, password: admin.password, role: 'admin' }, { actor: SYSTEM_ACTOR });
    this.logger.log(`administrator ${admin.username} created from ADMIN_USERNAME / ADMIN_PASSWORD`);
    return 'created';
  }

  /** Deactivates every active demo user and ends their sessions (before a production start). Returns their names. */
  async deactivateDemoUsers(): Promise<string[]> {
    const demo = await this.dataSource.getRepository(User).findBy({ isDemo: true, active: true });
    for (const user of demo) await this.update(user.id, { active: false }, null);
    return demo.map((u) => u.username);
  }

  async countActiveDemoUsers(): Promise<number> {
    return this.dataSource.getRepository(User).countBy({ isDemo: true, active: true });
  }

  async countActiveAdmins(): Promise<number> {
    return this.activeAdmins(this.dataSource.manager);
  }

  private activeAdmins(m: EntityManager): Promise<number> {
    return m.getRepository(User).countBy({ role: 'admin', active: true });
  }

  private checkPassword(password: string, username: string): void {
    const problems = passwordProblems(password, username);
    if (problems.length) throw UsersException.weakPassword(problems);
  }

  private async load(m: EntityManager, id: number): Promise<User> {
    const user = await m.getRepository(User).findOne({ where: { id }, relations: RELATIONS });
    if (!user) throw UsersException.notFound(id);
    return user;
  }

  /**
   * District and led industries for a role. `undefined` = keep the user's current value; null / [] =
   * none. A field that does not apply to the role is refused, a required one must be there.
   */
  private async scopeFields(
    m: EntityManager,
    role: UserRole | null,
    districtCode: string | null | undefined,
    industryCodes: string[] | undefined,
    current: User | null,
  ): Promise<ScopeFields> {
    let districtId = districtCode === undefined ? current?.districtId ?? null : null;
    if (districtCode) {
      if (role !== 'district') throw UsersException.scopeNotApplicable('districtCode', role ?? '-');
      const region = await m.getRepository(Region).findOneBy({ code: districtCode });
      if (!region || (region.type !== 'district' && region.type !== 'zone')) throw UsersException.districtNotFound(districtCode);
      districtId = region.id;
    }
    if (role === 'district' && districtId === null) throw UsersException.districtRequired();
    if (role !== 'district' && districtId !== null) throw UsersException.scopeNotApplicable('districtCode', role ?? '-');

    let leadIndustries = industryCodes === undefined ? current?.leadIndustries ?? [] : [];
    if (industryCodes?.length) {
      if (role !== 'lead_unit') throw UsersException.scopeNotApplicable('leadIndustryCodes', role ?? '-');
      const codes = [...new Set(industryCodes.map((c) => c.trim()))];
      leadIndustries = await m.getRepository(IndustryNode).findBy({ code: In(codes) });
      const missing = codes.filter((c) => !leadIndustries.some((n) => n.code === c));
      if (missing.length) throw UsersException.industryNotFound(missing);
    }
    if (role === 'lead_unit' && !leadIndustries.length) throw UsersException.industriesRequired();
    if (role !== 'lead_unit' && leadIndustries.length) throw UsersException.scopeNotApplicable('leadIndustryCodes', role ?? '-');
    return { districtId, leadIndustries };
  }
}
