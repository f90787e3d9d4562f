/**
 * Deny by default, proved on the running application:
 *  - every registered route declares a policy, the policies are the documented table (docs/SECURITY.md)
 *    and Express serves no /api route the inventory does not know;
 *  - the role × route matrix: every route, asked by anonymous, every role, a user without a role and a
 *    district user without a district, answers 401 / 403 / allowed exactly as the table says;
 *  - CSRF on every state-changing route; security headers on API and HTML responses; CORS allowlist;
 *  - error hygiene: a forced database error and malformed input answer without SQL, driver codes,
 *    file paths or stack frames.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Capability, ROLE_CAPABILITIES, USER_ROLES, type UserRole } from '@im/contracts';
import { listRoutes, routeRoleTable, type RouteEntry } from '../src/core/security/route-inventory';
import { describePolicy } from '../src/core/security/policy.decorator';
import { loadSecurityConfig } from '../src/core/security/security-config';
import { User } from '../src/modules/users/entities/user.entity';
import { hashPassword } from '../src/modules/auth/password-hasher';
import { createTestApp, loginAs, TEST_PASSWORD, testConfig, testDatabases, type AuthedAgent, type TestApp } from './support/test-app';

type Policy = 'public' | 'signed-in' | Capability;

/**
 * The route × policy table. Adding a route means adding it here, in docs/SECURITY.md, and giving it a
 * policy — the tests below fail until all three agree.
 */
const EXPECTED: Record<string, Policy> = {
  'GET /api/alerts': 'data.read',
  'POST /api/alerts/:id/acknowledge': 'data.read',
  'GET /api/audit': 'audit.read',
  'POST /api/auth/login': 'public',
  'POST /api/auth/logout': 'signed-in',
  'GET /api/auth/me': 'signed-in',
  'PATCH /api/auth/me': 'signed-in',
  'POST /api/auth/password': 'signed-in',
  'GET /api/briefs': 'data.read',
  'POST /api/briefs/generate': 'briefs.manage',
  'GET /api/briefs/templates': 'briefs.manage',
  'POST /api/briefs/templates/preview': 'briefs.manage',
  'PUT /api/briefs/templates/:key': 'briefs.manage',
  'GET /api/briefs/templates/:key/history': 'briefs.manage',
  'GET /api/briefs/:id': 'data.read',
  'GET /api/briefs/:id.docx': 'data.read',
  'GET /api/briefs/:id.xlsx': 'data.read',
  'GET /api/catalog/frameworks': 'data.read',
  'GET /api/catalog/indicators': 'data.read',
  'GET /api/catalog/industries': 'data.read',
  'GET /api/catalog/regions': 'data.read',
  'GET /api/health': 'public',
  'GET /api/jobs': 'jobs.manage',
  'POST /api/jobs/:name/run': 'jobs.manage',
  'GET /api/jobs/runs': 'jobs.manage',
  'GET /api/notes': 'data.read',
  'GET /api/notes/industries': 'data.read',
  'GET /api/notes/:id': 'data.read',
  'GET /api/notes/:id/versions': 'data.read',
  'PUT /api/notes/:industryCode/:period': 'notes.write',
  'GET /api/observations/breakdown': 'data.read',
  'GET /api/observations/completeness': 'uploads.read',
  'GET /api/observations/series': 'data.read',
  'GET /api/plans': 'data.read',
  'POST /api/plans': 'plans.write',
  'DELETE /api/plans/:code': 'plans.write',
  'GET /api/plans/:code': 'data.read',
  'PATCH /api/plans/:code': 'plans.write',
  'GET /api/plans/:code/progress': 'data.read',
  'GET /api/plans/:code/targets': 'data.read',
  'POST /api/plans/:code/targets': 'plans.write',
  'GET /api/plans/:code/targets.csv': 'data.read',
  'DELETE /api/plans/:code/targets/:targetCode': 'plans.write',
  'GET /api/plans/:code/targets/:targetCode': 'data.read',
  'PATCH /api/plans/:code/targets/:targetCode': 'plans.write',
  'DELETE /api/plans/:code/targets/:targetCode/annual/:year': 'plans.write',
  'PUT /api/plans/:code/targets/:targetCode/annual/:year': 'plans.write',
  'POST /api/plans/:code/targets/import': 'plans.write',
  'GET /api/problems': 'data.read',
  'POST /api/problems': 'notes.write',
  'GET /api/problems/:id': 'data.read',
  'PATCH /api/problems/:id': 'notes.write',
  'GET /api/problems/:id/history': 'data.read',
  'POST /api/problems/:id/status': 'notes.write',
  'GET /api/regions/parks/compare': 'data.read',
  'GET /api/reminders': 'signed-in',
  'POST /api/reminders/:id/dismiss': 'signed-in',
  'GET /api/uploads': 'uploads.read',
  'POST /api/uploads': 'uploads.write',
  'GET /api/uploads/:id': 'uploads.read',
  'POST /api/uploads/:id/commit': 'uploads.write',
  'GET /api/uploads/:id/errors.csv': 'uploads.read',
  'GET /api/uploads/:id/issues': 'uploads.read',
  'GET /api/uploads/:id/raw': 'uploads.read',
  'POST /api/uploads/:id/rollback': 'uploads.write',
  'GET /api/uploads/:id/rows': 'uploads.read',
  'GET /api/uploads/revisions': 'uploads.read',
  'GET /api/uploads/templates': 'uploads.read',
  'GET /api/uploads/templates/:file': 'uploads.read',
  'GET /api/users': 'users.manage',
  'POST /api/users': 'users.manage',
  'GET /api/users/:id': 'users.manage',
  'PATCH /api/users/:id': 'users.manage',
  'POST /api/users/:id/password': 'users.manage',
};

/**
 * How each route is called in the matrix: reads with parameters that exist (so allowed roles get real
 * answers), writes aimed at objects that do not exist or with empty bodies (so an allowed call
 * passes the guard and then fails validation or 404 — nothing is changed by the matrix).
 */
function sample(route: RouteEntry): { path: string; query?: string; body?: object } {
  const write = route.method !== 'GET';
  const path = route.path
    .replace(':code', write ? 'no-such-plan' : 'xm-sei-14')
    .replace(':targetCode', 'xm-sei-14.ngit-scale')
    .replace(':year', '2023')
    .replace(':file', 'industry-monthly.csv')
    .replace(':id', route.path.startsWith('/api/users') && !write ? '1' : '999999');
  const queries: Record<string, string> = {
    'GET /api/catalog/industries': 'framework=xm-sei-5x',
    'GET /api/observations/series': 'industry=sei.ngit',
    'GET /api/observations/breakdown': 'by=industry&parent=sei.ngit',
    'GET /api/regions/parks/compare': 'codes=xm.park.software&industry=sei.ngit',
    'GET /api/uploads/:id/rows': 'from=1&to=2',
  };
  return { path, query: queries[`${route.method} ${route.path}`], body: write ? {} : undefined };
}

type Identity = UserRole | 'anonymous' | 'norole' | 'nodistrict';
const IDENTITIES: Identity[] = ['anonymous', ...USER_ROLES, 'norole', 'nodistrict'];
const USERNAME: Record<Exclude<Identity, 'anonymous'>, string> = {
  admin: 'admin',
  statistician: 'stats',
  leader: 'mayor',
  lead_unit: 'gxj',
  district: 'huli',
  norole: 'norole',
  nodistrict: 'nodistrict',
};

/** What an identity must get from a route with a policy: allowed, 401 or 403. */
function expected(policy: Policy, who: Identity): 'allowed' | 401 | 403 {
  if (policy === 'public') return 'allowed';
  if (who === 'anonymous') return 401;
  if (policy === 'signed-in') return 'allowed';
  if (who === 'norole') return 403;
  const role: UserRole = who === 'nodistrict' ? 'district' : who;
  if (!ROLE_CAPABILITIES[role].includes(policy)) return 403;
  return who === 'nodistrict' ? 403 : 'allowed';
}

const INTERNALS = /ER_[A-Z_]{3,}|SQLITE_|QueryFailedError|TypeORM|\bSELECT\b|\bINSERT\b|\bFROM\s+[`"]?\w|node_modules|\/work\/|\/home\/|\/usr\/|\bat\s+\S+\s+\(|\.ts:\d+|\.js:\d+|stack/i;

describe.each(testDatabases())('deny by default on $name', ({ config }) => {
  let t: TestApp;
  let routes: RouteEntry[];
  const agents = new Map<Identity, AuthedAgent>();
  const http = () => request(t.app.getHttpServer());

  beforeAll(async () => {
    const webDistDir = mkdtempSync(join(tmpdir(), 'im-web-'));
    writeFileSync(join(webDistDir, 'index.html'), '<!doctype html><html><head><script type="module" src="/assets/app.js"></script></head><body><div id="app"></div></body></html>');
    const security = loadSecurityConfig({ CORS_ORIGINS: 'https://screen.xm.example' }, []);
    t = await createTestApp(testConfig(config(), { webDistDir, security }), { seed: true, users: 'standard', likeMain: true });
    const repo = t.dataSource.getRepository(User);
    await repo.save(repo.create({ username: 'nodistrict', displayName: '未分配区', passwordHash: await hashPassword(TEST_PASSWORD), role: 'district', districtId: null }));
    routes = listRoutes(t.app);
    for (const who of IDENTITIES) if (who !== 'anonymous') agents.set(who, await loginAs(t.app, USERNAME[who]));
  });

  afterAll(async () => {
    await t?.close();
  });

  describe('route policies', () => {
    it('gives every registered route a policy, and exactly the documented one', () => {
      const missing = routes.filter((r) => !r.policy).map((r) => `${r.method} ${r.path} (${r.controller}.${r.handler})`);
      expect(missing).toEqual([]);
      const actual = Object.fromEntries(routes.map((r) => [`${r.method} ${r.path}`, describePolicy(r.policy!)]));
      expect(actual).toEqual(EXPECTED);
    });

    it('documents the route × role table in docs/SECURITY.md exactly as the code enforces it', () => {
      const doc = readFileSync(join(__dirname, '../../../docs/SECURITY.md'), 'utf8');
      const table = /<!-- route-table:start -->\n([\s\S]*?)\n<!-- route-table:end -->/.exec(doc)?.[1];
      // On a mismatch, the expected table is printed: paste it into docs/SECURITY.md.
      expect(table, routeRoleTable(routes)).toBe(routeRoleTable(routes));
    });

    it('lets Express serve no /api route that the inventory (and so the guard) does not know', () => {
      const router = (t.app.getHttpAdapter().getInstance() as { router: { stack: { route?: { path: string; methods: Record<string, boolean> } }[] } }).router;
      const known = new Set(routes.map((r) => `${r.method} ${r.path}`));
      const served = router.stack
        // Wildcard routes are Nest's middleware (logging) bound to every path, not handlers.
        .filter((l) => l.route && l.route.path.startsWith('/api/') && !l.route.path.startsWith('/api/docs') && !l.route.path.includes('*'))
        .flatMap((l) => Object.keys(l.route!.methods).filter((m) => m !== '_all').map((m) => `${m.toUpperCase()} ${l.route!.path}`));
      expect(served.length).toBeGreaterThanOrEqual(routes.length);
      expect(served.filter((r) => !known.has(r))).toEqual([]);
    });

    it('keeps the API description for signed-in users', async () => {
      await http().get('/api/docs-json').expect(401);
      const doc = await agents.get('district')!.get('/api/docs-json').expect(200);
      expect(Object.keys(doc.body.paths)).toContain('/api/auth/login');
    });
  });

  describe('role × route matrix', () => {
    it.each(IDENTITIES)('answers %s on every route as the table says', async (who) => {
      const wrong: string[] = [];
      for (const route of routes) {
        const want = expected(EXPECTED[`${route.method} ${route.path}`], who);
        const { path, query, body } = sample(route);
        const url = query ? `${path}?${query}` : path;
        // Logging out ends the session: a throwaway session for that one call.
        const agent = who === 'anonymous' ? null : route.path === '/api/auth/logout' ? await loginAs(t.app, USERNAME[who]) : agents.get(who)!;
        const method = route.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
        const req = agent ? agent[method](url) : http()[method](url);
        const res = body ? await req.send(body) : await req;
        const ok = want === 'allowed' ? res.status !== 401 && res.status !== 403 && res.status < 500 : res.status === want;
        if (!ok) wrong.push(`${route.method} ${url}: ${res.status} ${JSON.stringify(res.body).slice(0, 160)} (expected ${want})`);
        if (want === 401) expect(res.body.code, url).toMatch(/^AUTH_REQUIRED$/);
      }
      expect(wrong).toEqual([]);
    });

    it('answers the allowed roles’ reads with real data', async () => {
      for (const who of ['admin', 'statistician', 'leader', 'lead_unit', 'district'] as const) {
        const agent = agents.get(who)!;
        expect((await agent.get('/api/plans/xm-sei-14').expect(200)).body.code).toBe('xm-sei-14');
        expect((await agent.get('/api/catalog/frameworks').expect(200)).body.length).toBe(4);
      }
    });
  });

  describe('CSRF', () => {
    it('refuses every state-changing route without the CSRF header, for every role allowed to call it', async () => {
      const wrong: string[] = [];
      for (const route of routes.filter((r) => r.method !== 'GET' && EXPECTED[`${r.method} ${r.path}`] !== 'public')) {
        const policy = EXPECTED[`${route.method} ${route.path}`];
        const who = (USER_ROLES.find((r) => expected(policy, r) === 'allowed') ?? 'admin') as UserRole;
        const { path, body } = sample(route);
        const method = route.method.toLowerCase() as 'post' | 'put' | 'patch' | 'delete';
        const res = await agents.get(who)!.raw[method](path).send(body ?? {});
        if (res.status !== 403 || res.body.code !== 'AUTH_CSRF_INVALID') wrong.push(`${route.method} ${path} as ${who}: ${res.status} ${res.body.code}`);
      }
      expect(wrong).toEqual([]);
    });
  });

  describe('security headers', () => {
    const check = (res: request.Response) => {
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe-(inline|eval)/);
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['cross-origin-opener-policy']).toBe('same-origin');
      expect(res.headers['x-powered-by']).toBeUndefined();
      expect(res.headers['x-correlation-id']).toMatch(/^[0-9a-f-]{36}$/);
    };

    it('sends them with API answers, errors included', async () => {
      check(await http().get('/api/health').expect(200));
      check(await http().get('/api/users').expect(401));
      check(await http().get('/api/nope').expect(404));
    });

    it('sends them with the web app’s HTML', async () => {
      const res = await http().get('/industry').expect(200);
      expect(res.headers['content-type']).toMatch(/text\/html/);
      check(res);
    });

    it('sends HSTS only over HTTPS', async () => {
      expect((await http().get('/api/health')).headers['strict-transport-security']).toBeUndefined();
    });

    it('allows cross-origin browser calls only from the configured origins', async () => {
      const allowed = await http().options('/api/auth/me').set('Origin', 'https://screen.xm.example').set('Access-Control-Request-Method', 'GET');
      expect(allowed.headers['access-control-allow-origin']).toBe('https://screen.xm.example');
      expect(allowed.headers['access-control-allow-credentials']).toBe('true');
      const foreign = await http().options('/api/auth/me').set('Origin', 'https://evil.example').set('Access-Control-Request-Method', 'GET');
      expect(foreign.headers['access-control-allow-origin']).toBeUndefined();
      const read = await agents.get('leader')!.get('/api/auth/me').set('Origin', 'https://evil.example');
      expect(read.headers['access-control-allow-origin']).toBeUndefined();
    });

    it('keeps the correlation id a caller sends (well-formed only)', async () => {
      const res = await http().get('/api/users').set('X-Correlation-Id', 'trace-12345678').expect(401);
      expect(res.headers['x-correlation-id']).toBe('trace-12345678');
      expect(res.body.correlationId).toBe('trace-12345678');
      const bad = await http().get('/api/users').set('X-Correlation-Id', '<script>alert(1)</script>').expect(401);
      expect(bad.body.correlationId).toMatch(/^[0-9a-f-]{36}$/);
    });
  });

  describe('error hygiene', () => {
    const clean = (res: request.Response) => {
      const text = JSON.stringify(res.body);
      expect(text).not.toMatch(INTERNALS);
      expect(Object.keys(res.body).sort()).toEqual(expect.arrayContaining(['code', 'correlationId', 'message']));
      expect(res.body.correlationId).toBe(res.headers['x-correlation-id']);
    };

    it('answers a database failure with a generic 500 and a correlation id, nothing else', async () => {
      const rename = async (from: string, to: string) =>
        t.dataSource.options.type === 'better-sqlite3' ? t.dataSource.query(`ALTER TABLE ${from} RENAME TO ${to}`) : t.dataSource.query(`RENAME TABLE ${from} TO ${to}`);
      await rename('indicator', 'indicator_gone');
      try {
        const res = await agents.get('leader')!.get('/api/catalog/indicators').expect(500);
        expect(res.body).toEqual({ code: 'INTERNAL_ERROR', message: '服务器内部错误，请稍后重试', correlationId: res.headers['x-correlation-id'] });
        clean(res);
      } finally {
        await rename('indicator_gone', 'indicator');
      }
      await agents.get('leader')!.get('/api/catalog/indicators').expect(200);
    });

    it('answers malformed, oversized and hostile input without internals', async () => {
      const admin = agents.get('admin')!;
      clean(await http().post('/api/auth/login').set('Content-Type', 'application/json').send('{"username": "x", ').expect(400));
      clean(await http().post('/api/auth/login').set('Content-Type', 'application/json').send(JSON.stringify({ username: 'x'.repeat(2_000_000), password: 'y' })).expect(413));
      clean(await admin.get("/api/users?role=admin' OR '1'='1").expect(400));
      clean(await admin.get('/api/observations/series?industry=sei.ngit%27%20UNION%20SELECT%201--').expect(400));
      clean(await admin.get('/api/plans/%E0%A4%A').expect((r) => expect([400, 404]).toContain(r.status)));
      clean(await admin.get('/api/nope/../../etc/passwd').expect(404));
      clean(await admin.patch('/api/users/abc').send({}).expect(404));
    });
  });
});
