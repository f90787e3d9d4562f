import type { DataSource } from 'typeorm';
import { MIGRATIONS_TABLE } from '../../core/database/data-source';

/** Tables the application may read and append to, but never change: the audit log. */
export const APPEND_ONLY_TABLES = ['audit_log'] as const;

const ident = (s: string) => `\`${s.replace(/`/g, '``')}\``;
const account = (user: string, host: string) => `'${user.replace(/'/g, "''")}'@'${host.replace(/'/g, "''")}'`;

/**
 * GRANT statements for the application's own MySQL user, separate from the user that runs the
 * migrations: full DML on the application's tables, SELECT + INSERT only on the audit log (so
 * that not even a compromised application can rewrite history), SELECT on the migrations table,
 * no DDL. Run by a database administrator; see docs/SECURITY.md.
 */
export function appUserGrants(database: string, tables: readonly string[], user: string, host = '%'): string[] {
  const who = account(user, host);
  const db = ident(database);
  const statements: string[] = [];
  for (const table of [...new Set(tables)].sort()) {
    if (table === MIGRATIONS_TABLE) statements.push(`GRANT SELECT ON ${db}.${ident(table)} TO ${who};`);
    else if ((APPEND_ONLY_TABLES as readonly string[]).includes(table)) statements.push(`GRANT SELECT, INSERT ON ${db}.${ident(table)} TO ${who};`);
    else statements.push(`GRANT SELECT, INSERT, UPDATE, DELETE ON ${db}.${ident(table)} TO ${who};`);
  }
  return statements;
}

/** Every table of the schema: entities, many-to-many junction tables and the migrations table. */
export function schemaTables(ds: DataSource): string[] {
  return [...new Set([...ds.entityMetadatas.map((m) => m.tableName), MIGRATIONS_TABLE])];
}
