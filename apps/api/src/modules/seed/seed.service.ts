import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { lastCompleteMonth } from '@im/seeds';
import { APP_CONFIG, type AppConfig } from '../../core/config/app-config';
import { isDemoMode } from '../../core/security/security-config';
import { NotesDemoSeeder } from '../notes/notes-demo.seeder';
import { UsersService } from '../users/users.service';
import { DemoLoader } from './demo-loader';
import { ReferenceSeeder } from './reference-seeder';

/** Seeds reference data (always, idempotently) and the demo dataset (when configured) at start. */
@Injectable()
export class SeedService {
  private readonly logger = new Logger(SeedService.name);

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: UsersService,
    private readonly notesDemo: NotesDemoSeeder,
  ) {}

  async prepare(): Promise<void> {
    const summary = await new ReferenceSeeder(this.dataSource).run();
    const changed = Object.entries(summary).filter(([, c]) => c.inserted || c.updated);
    this.logger.log(changed.length ? `reference data: ${changed.map(([t, c]) => `${t} +${c.inserted} ~${c.updated}`).join(', ')}` : 'reference data up to date');
    if (this.config.demoData) {
      const demo = await new DemoLoader(this.dataSource).load(lastCompleteMonth(new Date()));
      this.logger.log(
        demo.loaded
          ? `demo data loaded: batch ${demo.batchId}, ${demo.enterprises} enterprises, ${demo.series} series, ${demo.observations} observations`
          : `demo data present (batch ${demo.batchId})`,
      );
    }
    // Demo users (published password) exist in demo mode only: the embedded database with demo data.
    if (isDemoMode(this.config)) {
      const created = await this.users.ensureDemoUsers();
      if (created.length) this.logger.log(`demo users created: ${created.join(', ')}`);
      // Demo notes and problems of the demo lead unit (once; some overdue, so the 督办 page and the brief show them).
      await this.notesDemo.seed();
    }
  }
}
