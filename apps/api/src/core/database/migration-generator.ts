import { writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';

/**
 * Writes a reviewed-by-a-human migration file for the data source's driver from the difference
 * between the migrated database and the entities (like `typeorm migration:generate`, without
 * needing ts-node), and registers it in the driver's migrations index.
 */
export async function generateMigration(ds: DataSource, name: string, migrationsRoot: string): Promise<string | null> {
  await ds.runMigrations({ transaction: 'each' });
  const log = await ds.driver.createSchemaBuilder().log();
  if (log.upQueries.length === 0) return null;
  const driverDir = ds.options.type === 'mysql' || ds.options.type === 'mariadb' ? 'mysql' : 'sqlite';
  const timestamp = Date.now();
  const className = `${name.replace(/(^|[-_ ])(\w)/g, (_m, _s, c: string) => c.toUpperCase())}${timestamp}`;
  const q = (s: string) => '`' + s.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${') + '`';
  const up = log.upQueries.map((x) => `    await queryRunner.query(${q(x.query)});`).join('\n');
  const down = log.downQueries
    .slice()
    .reverse()
    .map((x) => `    await queryRunner.query(${q(x.query)});`)
    .join('\n');
  const fileBase = `${timestamp}-${name}`;
  const source = `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  async up(queryRunner: QueryRunner): Promise<void> {
${up}
  }

  async down(queryRunner: QueryRunner): Promise<void> {
${down}
  }
}
`;
  const dir = join(migrationsRoot, driverDir);
  writeFileSync(join(dir, `${fileBase}.ts`), source);
  const indexFile = join(dir, 'index.ts');
  const index = readFileSync(indexFile, 'utf8');
  const importLine = `import { ${className} } from './${fileBase}';\n`;
  const arrayName = driverDir === 'mysql' ? 'MYSQL_MIGRATIONS' : 'SQLITE_MIGRATIONS';
  const body = index.replace(new RegExp(`export const ${arrayName}: MigrationClass\\[\\] = \\[(.*)\\];`, 's'), (_m, items: string) => {
    const list = items.split(',').map((s) => s.trim()).filter(Boolean);
    list.push(className);
    return `export const ${arrayName}: MigrationClass[] = [${list.join(', ')}];`;
  });
  writeFileSync(indexFile, body.replace("from '../migration-class';\n", `from '../migration-class';\n${importLine}`));
  return join(dir, `${fileBase}.ts`);
}
