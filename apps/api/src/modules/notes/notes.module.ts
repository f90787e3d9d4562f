import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NOTES_ENTITIES } from './entities';
import { IndustryDirectory } from './industry-directory';
import { NotesDemoSeeder } from './notes-demo.seeder';
import { NotesController } from './notes.controller';
import { NotesService } from './notes.service';
import { NotesViewerService } from './notes-viewer.service';
import { ProblemsController } from './problems.controller';
import { ProblemsService } from './problems.service';

/**
 * Lead units' monthly notes and the problem list (对账销号). Exports NotesService (`forMonth`) and
 * ProblemsService (`listOverdue`) for the monthly brief, and the demo seeder for demo mode.
 */
@Module({
  imports: [TypeOrmModule.forFeature(NOTES_ENTITIES)],
  controllers: [NotesController, ProblemsController],
  providers: [NotesService, ProblemsService, NotesViewerService, IndustryDirectory, NotesDemoSeeder],
  exports: [NotesService, ProblemsService, NotesDemoSeeder],
})
export class NotesModule {}
