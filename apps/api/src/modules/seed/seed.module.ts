import { Module } from '@nestjs/common';
import { NotesModule } from '../notes/notes.module';
import { UsersModule } from '../users/users.module';
import { SeedService } from './seed.service';

@Module({ imports: [UsersModule, NotesModule], providers: [SeedService], exports: [SeedService] })
export class SeedModule {}
