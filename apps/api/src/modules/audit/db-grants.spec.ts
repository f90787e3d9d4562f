import { describe, expect, it } from 'vitest';
import { appUserGrants } from './db-grants';

describe('appUserGrants', () => {
  const grants = appUserGrants('industry_monitor', ['observation', 'audit_log', 'typeorm_migrations', 'app_user'], 'im_app', '10.0.%');

  it('grants SELECT and INSERT only on the audit log', () => {
    expect(grants).toContain("GRANT SELECT, INSERT ON `industry_monitor`.`audit_log` TO 'im_app'@'10.0.%';");
    expect(grants.filter((g) => g.includes('audit_log')).join()).not.toMatch(/UPDATE|DELETE/);
  });

  it('grants DML on the other tables, read-only on migrations, and no DDL or global privilege', () => {
    expect(grants).toContain("GRANT SELECT, INSERT, UPDATE, DELETE ON `industry_monitor`.`observation` TO 'im_app'@'10.0.%';");
    expect(grants).toContain("GRANT SELECT ON `industry_monitor`.`typeorm_migrations` TO 'im_app'@'10.0.%';");
    expect(grants.join('\n')).not.toMatch(/ALL PRIVILEGES|CREATE|DROP|ALTER|\*\.\*|GRANT OPTION/);
  });

  it('quotes names so that they cannot break out of the statement', () => {
    expect(appUserGrants('db`x', ['t'], "o'brien")[0]).toBe("GRANT SELECT, INSERT, UPDATE, DELETE ON `db``x`.`t` TO 'o''brien'@'%';");
  });
});
