import { describe, expect, it } from 'vitest';
import { isAuditTampering } from './audit-append-only.subscriber';
import { sanitizeDetail } from './audit-detail';

describe('isAuditTampering', () => {
  it.each([
    'UPDATE `audit_log` SET `result` = ? WHERE `id` = ?',
    'UPDATE "audit_log" SET "result" = ?',
    'update audit_log set detail = null',
    'DELETE FROM `audit_log` WHERE `id` IN (?)',
    'DELETE FROM "audit_log"',
    'TRUNCATE TABLE `audit_log`',
    'REPLACE INTO `audit_log` (`id`) VALUES (1)',
    'INSERT OR REPLACE INTO "audit_log" ("id") VALUES (1)',
    'INSERT INTO `audit_log`(`id`) VALUES (1) ON DUPLICATE KEY UPDATE `result` = VALUES(`result`)',
    'UPDATE `im`.`audit_log` SET x = 1',
  ])('refuses %s', (sql) => {
    expect(isAuditTampering(sql)).toBe(true);
  });

  it.each([
    'INSERT INTO `audit_log`(`id`, `occurred_at`) VALUES (DEFAULT, ?)',
    'SELECT * FROM `audit_log` WHERE `action` = ?',
    'UPDATE `app_user` SET `display_name` = ? WHERE `id` = ?',
    'DELETE FROM `audit_log_archive` WHERE 1',
    'DROP TABLE `audit_log`',
    'CREATE TABLE "audit_log" ("id" integer)',
  ])('allows %s', (sql) => {
    expect(isAuditTampering(sql)).toBe(false);
  });
});

describe('sanitizeDetail', () => {
  it('removes secrets at any depth and keeps the facts', () => {
    const json = sanitizeDetail({ username: 'huli', password: 'Secret-1', nested: { newPassword: 'x', csrfToken: 't', passwordHash: 'h', role: 'district' } });
    expect(JSON.parse(json)).toEqual({ username: 'huli', password: '[removed]', nested: { newPassword: '[removed]', csrfToken: '[removed]', passwordHash: '[removed]', role: 'district' } });
  });

  it('cuts long texts, long lists and huge details', () => {
    const parsed = JSON.parse(sanitizeDetail({ text: 'x'.repeat(1000), list: Array.from({ length: 80 }, (_, i) => i) })) as { text: string; list: unknown[] };
    expect(parsed.text.length).toBeLessThan(510);
    expect(parsed.list).toHaveLength(51);
    const huge = sanitizeDetail(Object.fromEntries(Array.from({ length: 400 }, (_, i) => [`k${i}`, 'y'.repeat(400)])));
    expect(huge.length).toBeLessThanOrEqual(16_000);
    expect(JSON.parse(huge)).toMatchObject({ truncated: true });
  });
});
