import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
import { configureApp } from './app.setup';
import { ConfigError, loadConfig, type AppConfig } from './core/config/app-config';
import { SeedService } from './modules/seed/seed.service';

const LOG_LEVELS = { error: ['error'], warn: ['error', 'warn'], log: ['error', 'warn', 'log'], debug: ['error', 'warn', 'log', 'debug'] } as const;

async function bootstrap(config: AppConfig): Promise<void> {
  const app = await NestFactory.create(AppModule.forRoot(config), { logger: [...LOG_LEVELS[config.logLevel]] });
  app.enableShutdownHooks();
  configureApp(app);
  if (config.migrateOnStart) await app.get(SeedService).prepare();
  await app.listen(config.port);
  const url = `http://localhost:${config.port}`;
  const log = new Logger('IndustryMonitor');
  log.log(`产业运行监测平台 Industry Monitor is running: ${url}  (API docs: ${url}/api/docs)`);
  log.log(`database: ${config.database.driver === 'sqlite' ? `embedded SQLite ${config.database.file}` : 'MySQL'}${config.demoData ? ', demo data loaded (marked 演示数据)' : ''}`);
  log.log('login: none yet — this build has no user accounts; open the URL above (accounts and roles arrive with the users issue)');
}

let config: AppConfig;
try {
  config = loadConfig();
} catch (e) {
  console.error(e instanceof ConfigError ? e.message : e);
  process.exit(1);
}
bootstrap(config).catch((e: unknown) => {
  console.error('启动失败 / failed to start:', e instanceof Error ? e.message : e);
  process.exit(1);
});
