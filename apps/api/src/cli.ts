import 'reflect-metadata';
import { resolve } from 'node:path';
import { lastCompleteMonth } from '@im/seeds';
import { ConfigError, loadConfig } from './core/config/app-config';
import { createDataSource } from './core/database/data-source';
import { generateMigration } from './core/database/migration-generator';
import { DemoLoader } from './modules/seed/demo-loader';
import { ReferenceSeeder } from './modules/seed/reference-seeder';

const USAGE = `usage: cli <command>
  migrate                   apply pending migrations
  revert                    revert the last migration
  seed                      load reference data (idempotent) and, with DEMO_DATA=true, the demo dataset
  reset                     drop every table, migrate, seed
  generate-migration NAME   write a migration for the difference between the migrations and the entities`;

async function main(argv: string[]): Promise<number> {
  const [command, arg] = argv;
  const config = loadConfig();
  const ds = createDataSource(config.database);
  await ds.initialize();
  const seed = async () => {
    console.log(JSON.stringify(await new ReferenceSeeder(ds).run()));
    if (config.demoData) console.log(JSON.stringify(await new DemoLoader(ds).load(lastCompleteMonth(new Date()))));
  };
  try {
    switch (command) {
      case 'migrate': {
        const done = await ds.runMigrations({ transaction: 'each' });
        console.log(done.length ? `applied: ${done.map((m) => m.name).join(', ')}` : 'no pending migrations');
        return 0;
      }
      case 'revert':
        await ds.undoLastMigration({ transaction: 'each' });
        console.log('reverted the last migration');
        return 0;
      case 'reset':
        await ds.dropDatabase();
        await ds.runMigrations({ transaction: 'each' });
        console.log('schema recreated');
        await seed();
        return 0;
      case 'seed':
        if (await ds.showMigrations()) throw new Error('pending migrations: run db:migrate first');
        await seed();
        return 0;
      case 'generate-migration': {
        if (!arg || !/^[a-z][a-z0-9-]*$/.test(arg)) throw new Error('NAME must be kebab-case, e.g. add-audit-log');
        const file = await generateMigration(ds, arg, resolve('apps/api/src/core/database/migrations'));
        console.log(file ? `written ${file}` : 'schema is up to date: nothing to generate');
        return 0;
      }
      default:
        console.error(USAGE);
        return 2;
    }
  } finally {
    await ds.destroy();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e instanceof ConfigError ? e.message : `error: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  },
);
