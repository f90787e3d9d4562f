import { PASSWORD_RULES } from '@im/contracts';

/**
 * Password rules (docs/SECURITY.md): 10–128 characters, at least three of lower-case letters,
 * upper-case letters, digits and other characters, not containing the user name, not one of the
 * well-known passwords. Returns the problems in Chinese (empty = acceptable).
 */
const COMMON = new Set([
  'password123', 'password1234', 'qwerty12345', '1234567890', '12345678910', 'admin12345', 'administrator',
  'p@ssw0rd123', 'passw0rd!!', 'welcome123', 'iloveyou123', 'abc1234567', 'a123456789', 'qwer1234!@#$',
  'demo@xiamen2025', 'xiamen2025!',
]);

export function passwordProblems(password: string, username?: string): string[] {
  const problems: string[] = [];
  if (password.length < PASSWORD_RULES.minLength) problems.push(`密码至少 ${PASSWORD_RULES.minLength} 个字符`);
  if (password.length > PASSWORD_RULES.maxLength) problems.push(`密码不能超过 ${PASSWORD_RULES.maxLength} 个字符`);
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  if (classes < PASSWORD_RULES.minClasses) problems.push('密码须包含大写字母、小写字母、数字、符号中的至少三类');
  if (/^\s|\s$/.test(password)) problems.push('密码不能以空格开头或结尾');
  const lower = password.toLowerCase();
  if (username && username.length >= 3 && lower.includes(username.toLowerCase())) problems.push('密码不能包含用户名');
  if (COMMON.has(lower)) problems.push('密码过于常见，请换一个');
  return problems;
}
