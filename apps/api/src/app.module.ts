import { existsSync } from 'node:fs';
import { Module, type DynamicModule } from '@nestjs/common';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { ServeStaticModule } from '@nestjs/serve-static';
import { ClockModule } from './core/clock/clock';
import type { AppConfig } from './core/config/app-config';
import { ConfigModule } from './core/config/config.module';
import { DatabaseModule } from './core/database/database.module';
import { HealthModule } from './core/health/health.module';
import { LoggingModule } from './core/logging/logging.module';
import { AuditModule } from './modules/audit/audit.module';
import { AuthModule } from './modules/auth/auth.module';
import { CatalogModule } from './modules/catalog/catalog.module';
import { IngestModule } from './modules/ingest/ingest.module';
import { NotesModule } from './modules/notes/notes.module';
import { JobsModule } from './modules/jobs/jobs.module';
import { MonitoringModule } from './modules/monitoring/monitoring.module';
import { ObservationsModule } from './modules/observations/observations.module';
import { PlansModule } from './modules/plans/plans.module';
import { RegionsModule } from './modules/regions/regions.module';
import { ReportsModule } from './modules/reports/reports.module';
import { SeedModule } from './modules/seed/seed.module';
import { UsersModule } from './modules/users/users.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    // In production the API also serves the built web app (one port); /api stays the API's.
    const web = existsSync(config.webDistDir)
      ? [ServeStaticModule.forRoot({ rootPath: config.webDistDir, exclude: ['/api/{*path}'] })]
      : [];
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule.forRoot(config),
        ClockModule,
        DatabaseModule.forRoot(config),
        // In-process domain events (e.g. data.changed after a commit); listeners never fail the emitter.
        EventEmitterModule.forRoot(),
        AuditModule,
        AuthModule,
        UsersModule,
        HealthModule,
        CatalogModule,
        ObservationsModule,
        PlansModule,
        IngestModule,
        NotesModule,
        JobsModule,
        MonitoringModule,
        RegionsModule,
        ReportsModule,
        SeedModule,
        ...web,
      ],
    };
  }
}
