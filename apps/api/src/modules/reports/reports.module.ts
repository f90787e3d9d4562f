import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogModule } from '../catalog/catalog.module';
import { JobsModule } from '../jobs/jobs.module';
import { NotesModule } from '../notes/notes.module';
import { ObservationsModule } from '../observations/observations.module';
import { PlansModule } from '../plans/plans.module';
import { BriefBuilder } from './builder/brief-builder.service';
import { BriefTemplatesService } from './brief-templates.service';
import { BriefTriggersService } from './brief-triggers.service';
import { BriefsController } from './briefs.controller';
import { BriefsService } from './briefs.service';
import { Brief } from './entities/brief.entity';
import { BriefTemplate } from './entities/brief-template.entity';

/** The monthly brief (月度运行简报) and the annual report: wording, storage, triggers, Word/Excel exports (docs/BRIEF.md). */
@Module({
  imports: [CatalogModule, ObservationsModule, PlansModule, NotesModule, JobsModule, TypeOrmModule.forFeature([Brief, BriefTemplate])],
  controllers: [BriefsController],
  providers: [BriefBuilder, BriefsService, BriefTemplatesService, BriefTriggersService],
  exports: [BriefsService],
})
export class ReportsModule {}
