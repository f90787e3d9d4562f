import 'reflect-metadata';
import { resolve } from 'node:path';
import { Logger } from '@nestjs/common';
import { isUserRole } from '@im/contracts';
import { lastCompleteMonth } from '@im/seeds';
import { ConfigError, loadConfig } from './core/config/app-config';
import { createDataSource } from './core/database/data-source';
import { generateMigration } from './core/database/migration-generator';
import { runWithRequestContext } from './core/security/request-context';
import { AuditService } from './modules/audit/audit.service';
import { appUserGrants, schemaTables } from './modules/audit/db-grants';
import { SessionService } from './modules/auth/session.service';
import { parseOptions, readNewPassword } from './modules/users/cli-input';
import { UsersService } from './modules/users/users.service';
import { DemoLoader } from './modules/seed/demo-loader';
import { ReferenceSeeder } from './modules/seed/reference-seeder';

const USAGE = `usage: cli <command>
  migrate                   apply pending migrations
  revert                    revert the last migration
  seed                      load reference data (idempotent) and, with DEMO_DATA=true, the demo dataset
  reset                     drop every table, migrate, seed
  generate-migration NAME   write a migration for the difference between the migrations and the entities
  user:create --username=NAME --role=ROLE [--display-name=TEXT] [--district=CODE] [--industries=CODE,CODE] [--unit=TEXT]
                            create a user (roles: admin statistician leader lead_unit district); the password
                            is asked twice (hidden) or read as the first line of piped standard input
  user:deactivate-demo      deactivate every demo user and end their sessions (before a production start)
  db:grants --app-user=NAME [--host=%]
                            print the MySQL GRANT statements of the application's own database user
                            (SELECT and INSERT only on the audit log; see docs/SECURITY.md)`;

async function main(argv: string[]): Promise<number> {
  // The commands print their own results; services' informational logs would only repeat them.
  Logger.overrideLogger(['error', 'warn']);
  const [command, arg] = argv;
  const options = () => parseOptions(argv.slice(1));
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
      case 'user:create': {
        const o = options();
        if (!o.username || !o.role) throw new Error('--username and --role are required');
        if (!isUserRole(o.role)) throw new Error(`--role must be one of admin, statistician, leader, lead_unit, district; got "${o.role}"`);
        const password = await readNewPassword();
        const users = new UsersService(ds, new AuditService(ds), new SessionService(ds, config));
        const created = await runWithRequestContext({ correlationId: `cli-${Date.now()}`, ip: null, actor: { userId: null, username: 'cli', role: null } }, () =>
          users.create({
            username: o.username,
            displayName: o['display-name'] || o.username,
            password,
            role: o.role as Parameters<UsersService['create']>[0]['role'],
            districtCode: o.district,
            leadIndustryCodes: o.industries ? o.industries.split(',').map((c) => c.trim()).filter(Boolean) : undefined,
            unit: o.unit,
          }),
        );
        console.log(`created user ${created.username} (id ${created.id}, role ${created.role}${created.district ? `, ${created.district.name}` : ''}${created.leadIndustries.length ? `, leads ${created.leadIndustries.map((n) => n.name).join('、')}` : ''})`);
        return 0;
      }
      case 'user:deactivate-demo': {
        const users = new UsersService(ds, new AuditService(ds), new SessionService(ds, config));
        const names = await runWithRequestContext({ correlationId: `cli-${Date.now()}`, ip: null, actor: { userId: null, username: 'cli', role: null } }, () => users.deactivateDemoUsers());
        console.log(names.length ? `deactivated demo users: ${names.join(', ')}` : 'no active demo users');
        return 0;
      }
      case 'db:grants': {
        const o = options();
        if (config.database.driver !== 'mysql') throw new Error('db:grants is for MySQL: set DATABASE_URL');
        if (!o['app-user'] || !/^[A-Za-z0-9_]{1,32}$/.test(o['app-user'])) throw new Error('--app-user=NAME is required (letters, digits, _)');
        const database = new URL(config.database.url).pathname.replace(/^\//, '');
        console.log(`-- Application user for ${database}: run as a database administrator (the migration user keeps DDL rights).`);
        console.log(`-- CREATE USER '${o['app-user']}'@'${o.host ?? '%'}' IDENTIFIED BY '<password>';`);
        for (const line of appUserGrants(database, schemaTables(ds), o['app-user'], o.host ?? '%')) console.log(line);
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
