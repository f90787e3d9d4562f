import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from '../../core/config/app-config';
import { uploadConfigOf } from '../../core/config/upload-config';
import { CatalogModule } from '../catalog/catalog.module';
import { ObservationsModule } from '../observations/observations.module';
import { BatchCommitter } from './commit/batch-committer';
import { BatchRollback } from './commit/batch-rollback';
import { IngestTuning } from './commit/ingest-tuning';
import { PreparedCache } from './commit/prepared-cache';
import { UploadBatch } from './entities/upload-batch.entity';
import { UploadChange } from './entities/upload-change.entity';
import { UploadIssue } from './entities/upload-issue.entity';
import { UploadLock } from './entities/upload-lock.entity';
import { RawUploadStorage } from './receive/raw-upload.storage';
import { UploadSizeGuard } from './receive/upload-size.guard';
import { ReferenceLoader } from './reference/reference-loader';
import { UploadsController } from './uploads.controller';
import { UploadsService } from './uploads.service';

/**
 * Monthly data uploads (数据上报): streaming CSV ingestion with per-row validation, dry-run report,
 * diff, atomic commit with revisions, rollback. Writes observations through the observations
 * module's ObservationWriter.
 */
@Module({
  imports: [
    CatalogModule,
    ObservationsModule,
    TypeOrmModule.forFeature([UploadBatch, UploadIssue, UploadChange, UploadLock]),
    MulterModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => {
        const uploads = uploadConfigOf(config);
        return {
          storage: new RawUploadStorage(uploads.dir, uploads.maxBytes),
          // RawUploadStorage enforces maxBytes itself (with its own message); multer's limit is only a backstop.
          limits: { fileSize: uploads.maxBytes * 2, files: 1, fields: 10, fieldSize: 1024, parts: 12 },
          // File names in UTF-8 (Chinese names), not Latin-1.
          defParamCharset: 'utf8',
        };
      },
    }),
  ],
  controllers: [UploadsController],
  providers: [UploadsService, ReferenceLoader, BatchCommitter, BatchRollback, IngestTuning, PreparedCache, UploadSizeGuard],
  exports: [UploadsService],
})
export class IngestModule {}
