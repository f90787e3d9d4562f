import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogModule } from '../catalog/catalog.module';
import { UploadBatch } from '../ingest/entities/upload-batch.entity';
import { Observation } from './entities/observation.entity';
import { ObservationRevision } from './entities/observation-revision.entity';
import { Series } from './entities/series.entity';
import { ObservationsController } from './observations.controller';
import { ObservationsService } from './observations.service';
import { SeriesReader } from './series-reader';

@Module({
  imports: [CatalogModule, TypeOrmModule.forFeature([Series, Observation, ObservationRevision, UploadBatch])],
  controllers: [ObservationsController],
  providers: [ObservationsService, SeriesReader],
  exports: [ObservationsService, SeriesReader],
})
export class ObservationsModule {}
