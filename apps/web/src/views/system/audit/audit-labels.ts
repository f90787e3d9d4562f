/** Message key of an audit action (`auth.login` → `audit.actions.auth__login`: dots would nest in vue-i18n). */
export function auditActionKey(action: string): string {
  return `audit.actions.${action.replace(/\./g, '__')}`;
}
