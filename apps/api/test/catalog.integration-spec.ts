import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IndustryNodeDto, IndustryTreeDto, RegionNodeDto } from '@im/contracts';
import { createTestApp, loginAs, testConfig, testDatabases, type AuthedAgent, type TestApp } from './support/test-app';

const find = (nodes: IndustryNodeDto[], name: string): IndustryNodeDto | undefined => {
  for (const n of nodes) {
    if (n.name === name) return n;
    const hit = find(n.children, name);
    if (hit) return hit;
  }
  return undefined;
};

describe.each(testDatabases())('catalog API on $name', ({ name, config }) => {
  let t: TestApp;
  let mayor: AuthedAgent;

  beforeAll(async () => {
    t = await createTestApp(testConfig(config()), { seed: true, users: [{ username: 'mayor', role: 'leader' }] });
    mayor = await loginAs(t.app, 'mayor');
  });
  afterAll(() => t?.close());

  it('GET /api/health reports the driver and applied migrations', async () => {
    const res = await request(t.app.getHttpServer()).get('/api/health').expect(200);
    expect(res.body).toMatchObject({ status: 'ok', database: { driver: name, connected: true, migrationsPending: 0 }, demo: false });
    expect(res.body.database.migrationsApplied).toBeGreaterThan(0);
  });

  it('GET /api/catalog/frameworks lists the four frameworks', async () => {
    const res = await mayor.get('/api/catalog/frameworks').expect(200);
    expect(res.body.map((f: { code: string }) => f.code).sort()).toEqual(['fj-coord', 'gbt4754', 'xm-446', 'xm-sei-5x']);
  });

  it('GET /api/catalog/industries gives the 5+X tree with every 新一代信息技术 sub-field', async () => {
    const res = await mayor.get('/api/catalog/industries?framework=xm-sei-5x').expect(200);
    const tree = res.body as IndustryTreeDto;
    expect(tree.framework.code).toBe('xm-sei-5x');
    const ngit = find(tree.roots, '新一代信息技术')!;
    expect(ngit.code).toBe('sei.ngit');
    expect(ngit.indicatorCode).toBe('output');
    expect(ngit.children.map((c) => c.name)).toEqual(['新型显示', '下一代信息网络设备', '集成电路', '物联网', '人工智能', '大数据', '云计算', '区块链']);
    for (const name of ['生物医药与健康', '新材料与新能源', '数字创意', '海洋高新', '柔性电子', '第三代半导体']) expect(find(tree.roots, name), name).toBeDefined();
  });

  it('gives the 4+4+6 tree with lead and responsible units from 厦府办[2022]98号', async () => {
    const res = await mayor.get('/api/catalog/industries?framework=xm-446').expect(200);
    const electronics = find(res.body.roots, '电子信息产业集群')!;
    expect(electronics.leadUnit).toContain('市工信局');
    expect(electronics.responsibleUnits).toContain('火炬管委会');
    expect(find(res.body.roots, '生物医药产业')!.leadUnit).toContain('市科技局');
    expect(find(res.body.roots, '深海空天开发')).toBeDefined();
  });

  it('gives the national classification with the manufacturing divisions and the bureau aggregates', async () => {
    const res = await mayor.get('/api/catalog/industries?framework=gbt4754').expect(200);
    expect(find(res.body.roots, '计算机、通信和其他电子设备制造业')).toBeDefined();
    expect(find(res.body.roots, '电气机械和器材制造业')).toBeDefined();
    for (const name of ['规模以上工业', '高技术制造业', '战略性新兴产业']) expect(find(res.body.roots, name), name).toBeDefined();
  });

  it('rejects an unknown framework with a Chinese message and a bad code with 400', async () => {
    const res = await mayor.get('/api/catalog/industries?framework=nope').expect(404);
    expect(res.body).toMatchObject({ code: 'CATALOG_FRAMEWORK_NOT_FOUND', message: '未找到产业体系"nope"' });
    const bad = await mayor.get('/api/catalog/industries?framework=%3Cscript%3E').expect(400);
    expect(bad.body.code).toBe('BAD_REQUEST');
    expect(JSON.stringify(bad.body)).not.toMatch(/stack|node_modules|\.ts:/);
    await mayor.get('/api/catalog/industries?framework=xm-446&role=admin').expect(400);
  });

  it('GET /api/catalog/regions gives city → districts, zones → parks with their industries', async () => {
    const res = await mayor.get('/api/catalog/regions').expect(200);
    const roots = res.body as RegionNodeDto[];
    expect(roots).toHaveLength(1);
    const city = roots[0];
    expect(city).toMatchObject({ code: 'xm', type: 'city' });
    const districts = city.children.filter((c) => c.type === 'district').map((c) => c.name);
    expect(districts).toEqual(['思明区', '湖里区', '集美区', '海沧区', '同安区', '翔安区']);
    expect(city.children.filter((c) => c.type === 'zone').map((c) => c.name)).toEqual(expect.arrayContaining(['火炬高新区']));
    const parks = city.children.flatMap((c) => c.children).filter((p) => p.type === 'park');
    expect(parks.length).toBeGreaterThanOrEqual(20);
    const haicang = city.children.find((c) => c.name === '海沧区')!;
    const icPark = haicang.children.find((p) => p.name.startsWith('海沧南部工业组团'))!;
    expect(icPark.industryCodes).toContain('sei.ngit.ic');
    expect(icPark.districtVerified).toBe(true);
    expect(parks.some((p) => !p.districtVerified && p.note)).toBe(true);
  });
});
