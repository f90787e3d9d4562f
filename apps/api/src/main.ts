import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { configureApp } from './app.setup';
import { ConfigError, loadConfig, type AppConfig } from './core/config/app-config';
import { isDemoMode } from './core/security/security-config';
import { SeedService } from './modules/seed/seed.service';
import { DEMO_PASSWORD, DEMO_USERS } from './modules/users/demo-users';
import { StartupRefusedError, UserBootstrapService } from './modules/users/user-bootstrap.service';

async function bootstrap(config: AppConfig): Promise<void> {
  // Application logs go through pino (JSON lines with the request's correlation id); buffered until pino is ready.
  const app = await NestFactory.create(AppModule.forRoot(config), { bufferLogs: true, bodyParser: false });
  const log = app.get(Logger);
  app.useLogger(log);
  app.enableShutdownHooks();
  configureApp(app);
  if (config.migrateOnStart) await app.get(SeedService).prepare();
  await app.get(UserBootstrapService).run();
  await app.listen(config.port);
  const url = `http://localhost:${config.port}`;
  const context = 'IndustryMonitor';
  log.log(`产业运行监测平台 Industry Monitor is running: ${url}  (API docs for signed-in users: ${url}/api/docs)`, context);
  log.log(`database: ${config.database.driver === 'sqlite' ? `embedded SQLite ${config.database.file}` : 'MySQL'}${config.demoData ? ', demo data loaded (marked 演示数据)' : ''}`, context);
  if (isDemoMode(config)) {
    log.log(`demo login — users: ${DEMO_USERS.map((u) => `${u.username} (${u.displayName.replace('（演示）', '')})`).join(', ')}; password for all: ${DEMO_PASSWORD}`, context);
  } else {
    log.log('login: accounts created with `npx nx run api:user:create --username=<name> --role=<role>` or the ADMIN_USERNAME / ADMIN_PASSWORD variables', context);
  }
}

let config: AppConfig;
try {
  config = loadConfig();
} catch (e) {
  console.error(e instanceof ConfigError ? e.message : e);
  process.exit(1);
}
bootstrap(config).catch((e: unknown) => {
  console.error(e instanceof StartupRefusedError ? e.message : `启动失败 / failed to start: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
