import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogModule } from '../catalog/catalog.module';
import { UploadBatch } from '../ingest/entities/upload-batch.entity';
import { Observation } from './entities/observation.entity';
import { ObservationRevision } from './entities/observation-revision.entity';
import { Series } from './entities/series.entity';
import { ObservationsController } from './observations.controller';
import { ObservationWriter } from './observation-writer';
import { ObservationsService } from './observations.service';
import { DashboardCacheInterceptor, DashboardWriteInterceptor } from './queries/dashboard-cache.interceptor';
import { DashboardContext } from './queries/dashboard-context';
import { DashboardQueryRepository } from './queries/dashboard-query.repository';
import { ROLLUP_ENTITIES } from './rollups/entities';
import { RollupService } from './rollups/rollup.service';
import { SeriesReader } from './series-reader';

@Module({
  imports: [
    CatalogModule,
    TypeOrmModule.forFeature([Series, Observation, ObservationRevision, UploadBatch, ...ROLLUP_ENTITIES]),
  ],
  controllers: [ObservationsController],
  providers: [ObservationsService, SeriesReader, RollupService, DashboardContext, DashboardQueryRepository, DashboardCacheInterceptor, DashboardWriteInterceptor, ObservationWriter],
  exports: [ObservationsService, SeriesReader, RollupService, DashboardContext, DashboardQueryRepository, DashboardCacheInterceptor, DashboardWriteInterceptor, ObservationWriter],
})
export class ObservationsModule {}
