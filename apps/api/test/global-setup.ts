import { createConnection } from 'mysql2/promise';

/**
 * Prepares the MySQL test database when TEST_MYSQL_URL is set (created fresh for the run). With
 * REQUIRE_MYSQL=1 (CI) a missing or unreachable MySQL fails the run instead of running SQLite only.
 */
export default async function setup(): Promise<void> {
  const url = process.env.TEST_MYSQL_URL;
  if (!url) {
    if (process.env.REQUIRE_MYSQL === '1') throw new Error('REQUIRE_MYSQL=1 but TEST_MYSQL_URL is not set');
    console.warn('[integration] TEST_MYSQL_URL not set: running the SQLite suite only');
    return;
  }
  const parsed = new URL(url.replace(/^mariadb:/, 'mysql:'));
  const database = parsed.pathname.replace(/^\//, '');
  if (!/^[A-Za-z0-9_]+$/.test(database)) throw new Error(`TEST_MYSQL_URL needs a plain database name, got "${database}"`);
  parsed.pathname = '/';
  let conn;
  try {
    conn = await createConnection({ uri: parsed.toString() });
  } catch (e) {
    throw new Error(`MySQL at TEST_MYSQL_URL is unreachable: ${(e as Error).message}`);
  }
  await conn.query(`DROP DATABASE IF EXISTS \`${database}\``);
  await conn.query(`CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await conn.end();
}
