import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../core/config/app-config';
import { isDemoMode, securityConfigOf } from '../../core/security/security-config';
import { UsersService } from './users.service';

export class StartupRefusedError extends Error {}

/**
 * Users at start (after SeedService.prepare, which creates the demo users in demo mode): the first
 * administrator from ADMIN_* variables, and the refusal to start outside demo mode while demo users
 * (with their published password) are active.
 */
@Injectable()
export class UserBootstrapService {
  private readonly logger = new Logger('Users');

  constructor(
    private readonly users: UsersService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async run(): Promise<void> {
    const security = securityConfigOf(this.config);
    if (security.admin) await this.users.bootstrapAdmin(security.admin);
    await this.refuseDemoUsersOutsideDemoMode();
    if ((await this.users.countActiveAdmins()) === 0) {
      this.logger.warn('no active administrator: create one with `npx nx run api:user:create --username=<name> --role=admin` or ADMIN_USERNAME / ADMIN_PASSWORD');
    }
  }

  async refuseDemoUsersOutsideDemoMode(): Promise<void> {
    if (isDemoMode(this.config)) return;
    const demo = await this.users.countActiveDemoUsers();
    if (!demo) return;
    if (securityConfigOf(this.config).allowDemoUsers) {
      this.logger.warn(`${demo} demo user(s) with the published demo password are active (ALLOW_DEMO_USERS=true): never do this in production`);
      return;
    }
    throw new StartupRefusedError(
      `拒绝启动 / refusing to start: ${demo} demo user(s) with the published demo password are active outside demo mode. ` +
        'Deactivate them with `npx nx run api:user:deactivate-demo` or, for a non-production test only, set ALLOW_DEMO_USERS=true.',
    );
  }
}
