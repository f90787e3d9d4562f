import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import type { HealthDto } from '@im/contracts';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { HealthResponse } from './health.response';
import { Public } from '../security/policy.decorator';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Liveness and readiness: database driver, connectivity and migrations applied. */
  @Get()
  @Public()
  @ApiOkResponse({ type: HealthResponse })
  async health(): Promise<HealthDto> {
    let connected = false;
    let applied = 0;
    let pending = 0;
    let demo = false;
    try {
      await this.dataSource.query('SELECT 1');
      connected = true;
      const executed = await this.dataSource.query(`SELECT COUNT(*) AS n FROM typeorm_migrations`);
      applied = Number(executed[0]?.n ?? 0);
      pending = Math.max(0, this.dataSource.migrations.length - applied);
      const demoBatches = await this.dataSource.query(`SELECT COUNT(*) AS n FROM upload_batch WHERE is_demo = 1 AND status = 'committed'`);
      demo = Number(demoBatches[0]?.n ?? 0) > 0;
    } catch {
      connected = false;
    }
    return {
      status: connected && pending === 0 ? 'ok' : 'error',
      database: { driver: this.config.database.driver, connected, migrationsApplied: applied, migrationsPending: pending },
      demo,
      version: process.env.npm_package_version ?? '0.1.0',
    };
  }
}
