import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { DataSource } from 'typeorm';
import type { AuthSessionDto, UserRole } from '@im/contracts';
import { AppModule } from '../../src/app.module';
import { configureApp } from '../../src/app.setup';
import { Clock } from '../../src/core/clock/clock';
import { DEFAULT_STATUS_THRESHOLDS } from '@im/domain';
import type { AppConfig, DatabaseConfig } from '../../src/core/config/app-config';
import { createDataSource } from '../../src/core/database/data-source';
import { User } from '../../src/modules/users/entities/user.entity';
import { UsersService } from '../../src/modules/users/users.service';
import { SeedService } from '../../src/modules/seed/seed.service';
import { hashPassword } from '../../src/modules/auth/password-hasher';

/** The databases every integration suite runs on: SQLite always, MySQL when TEST_MYSQL_URL is set. */
export function testDatabases(): { name: 'sqlite' | 'mysql'; config: () => DatabaseConfig }[] {
  const dbs: { name: 'sqlite' | 'mysql'; config: () => DatabaseConfig }[] = [
    { name: 'sqlite', config: () => ({ driver: 'sqlite', file: join(mkdtempSync(join(tmpdir(), 'im-test-')), 'test.sqlite') }) },
  ];
  const url = process.env.TEST_MYSQL_URL;
  if (url) dbs.push({ name: 'mysql', config: () => ({ driver: 'mysql', url: url.replace(/^mariadb:/, 'mysql:'), flavor: url.startsWith('mariadb:') ? 'mariadb' : 'mysql' }) });
  return dbs;
}

/** Drops every table of the database (MySQL keeps one database for the whole run). */
export async function emptyDatabase(db: DatabaseConfig): Promise<void> {
  if (db.driver !== 'mysql') return;
  const ds = createDataSource(db);
  await ds.initialize();
  await ds.dropDatabase();
  await ds.destroy();
}

export function testConfig(db: DatabaseConfig, overrides: Partial<AppConfig> = {}): AppConfig {
  return {
    port: 0,
    database: db,
    demoData: false,
    migrateOnStart: true,
    dataDir: tmpdir(),
    webDistDir: join(tmpdir(), 'im-no-web-dist'),
    logLevel: 'error',
    statusThresholds: { ...DEFAULT_STATUS_THRESHOLDS },
    ...overrides,
  };
}

export interface TestApp {
  app: INestApplication;
  dataSource: DataSource;
  close: () => Promise<void>;
}

/** Password of every user the tests create (follows the password rules). */
export const TEST_PASSWORD = 'Test-Passw0rd!2025';

export interface TestUserSpec {
  username: string;
  role: UserRole | null;
  districtCode?: string;
  leadIndustryCodes?: string[];
  displayName?: string;
}

/**
 * One user per role, shaped like the demo users: `gxj` leads 新一代信息技术 and 电子信息, `huli` is the
 * 湖里区 district user; `norole` has no role (sees nothing). Needs the reference data (seed) for the
 * district and the industries.
 */
export const STANDARD_USERS: readonly TestUserSpec[] = [
  { username: 'admin', role: 'admin' },
  { username: 'stats', role: 'statistician' },
  { username: 'mayor', role: 'leader' },
  { username: 'gxj', role: 'lead_unit', leadIndustryCodes: ['sei.ngit', 'xm446.pillar.electronics'] },
  { username: 'huli', role: 'district', districtCode: 'xm.huli' },
  { username: 'norole', role: null },
];

export interface TestAppOptions {
  /** Users to create after start (password TEST_PASSWORD); `standard` = STANDARD_USERS. Needs reference data for district / industries. */
  users?: readonly TestUserSpec[] | 'standard';
  /** Run SeedService.prepare() before creating users (reference data, and demo data when config.demoData). */
  seed?: boolean;
  /**
   * Create the app as main.ts does (NestFactory) instead of through a testing module: needed to serve
   * the web app's files (ServeStaticModule picks its loader at compile time, from the HTTP adapter).
   */
  likeMain?: boolean;
  /** Replace the application's Clock (e.g. a FixedClock) so jobs run at a chosen moment. */
  clock?: Clock;
  /** Keep the database as it is (a second app instance on the same MySQL database); default: empty it first. */
  keepDatabase?: boolean;
}

/** Creates users directly through UsersService (no HTTP); a user without a role is written as such. */
export async function createTestUsers(app: INestApplication, specs: readonly TestUserSpec[]): Promise<Map<string, number>> {
  const users = app.get(UsersService);
  const ids = new Map<string, number>();
  for (const spec of specs) {
    if (spec.role === null) {
      const repo = app.get(DataSource).getRepository(User);
      const saved = await repo.save(repo.create({ username: spec.username, displayName: spec.displayName ?? spec.username, passwordHash: await hashPassword(TEST_PASSWORD), role: null }));
      ids.set(spec.username, saved.id);
      continue;
    }
    const dto = await users.create({
      username: spec.username,
      displayName: spec.displayName ?? spec.username,
      password: TEST_PASSWORD,
      role: spec.role,
      districtCode: spec.districtCode,
      leadIndustryCodes: spec.leadIndustryCodes,
    });
    ids.set(spec.username, dto.id);
  }
  return ids;
}

/** The real application (all modules, real database, migrations applied) without listening on a port. */
export async function createTestApp(config: AppConfig, options: TestAppOptions = {}): Promise<TestApp> {
  if (!options.keepDatabase) await emptyDatabase(config.database);
  const testing = () => {
    const builder = Test.createTestingModule({ imports: [AppModule.forRoot(config)] });
    if (options.clock) builder.overrideProvider(Clock).useValue(options.clock);
    return builder.compile();
  };
  const app = options.likeMain
    ? configureApp(await NestFactory.create(AppModule.forRoot(config), { logger: ['error'], bodyParser: false }))
    : configureApp((await testing()).createNestApplication({ logger: ['error'], bodyParser: false }));
  await app.init();
  const dataSource = app.get(DataSource);
  if (options.seed) {
    await app.get(SeedService).prepare();
  }
  if (options.users) await createTestUsers(app, options.users === 'standard' ? STANDARD_USERS : options.users);
  return { app, dataSource, close: () => app.close() };
}

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/**
 * A signed-in HTTP client: supertest agent (keeps the session cookie) that sends the session's CSRF
 * token with every state-changing request, as the web app does.
 */
export interface AuthedAgent {
  username: string;
  csrfToken: string;
  session: AuthSessionDto;
  get(url: string): request.Test;
  post(url: string): request.Test;
  put(url: string): request.Test;
  patch(url: string): request.Test;
  delete(url: string): request.Test;
  /** The request without the CSRF header (to prove it is required). */
  raw: ReturnType<typeof request.agent>;
}

/** Signs in through POST /api/auth/login and returns the signed-in agent; fails the test when login fails. */
export async function loginAs(app: INestApplication, username: string, password = TEST_PASSWORD): Promise<AuthedAgent> {
  const agent = request.agent(app.getHttpServer());
  const res = await agent.post('/api/auth/login').send({ username, password });
  if (res.status !== 200) throw new Error(`login as ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
  const session = res.body as AuthSessionDto;
  const withCsrf = (method: Method) => (url: string) => {
    const r = agent[method](url);
    return method === 'get' ? r : r.set('X-CSRF-Token', session.csrfToken);
  };
  return {
    username,
    csrfToken: session.csrfToken,
    session,
    get: withCsrf('get'),
    post: withCsrf('post'),
    put: withCsrf('put'),
    patch: withCsrf('patch'),
    delete: withCsrf('delete'),
    raw: agent,
  };
}
