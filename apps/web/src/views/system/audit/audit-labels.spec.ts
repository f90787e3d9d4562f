import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS } from '@im/contracts';
import authEn from '../../../i18n/locales/auth.en';
import authZhCN from '../../../i18n/locales/auth.zh-CN';
import { auditActionKey } from './audit-labels';

describe('auditActionKey', () => {
  it('has a Chinese and an English label for every audit action', () => {
    for (const action of AUDIT_ACTIONS) {
      const key = auditActionKey(action).split('.').pop()!;
      expect((authZhCN.audit.actions as Record<string, string>)[key], action).toBeTruthy();
      expect((authEn.audit.actions as Record<string, string>)[key], action).toBeTruthy();
    }
  });

  it('turns dots into double underscores', () => {
    expect(auditActionKey('annual_target.set')).toBe('audit.actions.annual_target__set');
  });
});
