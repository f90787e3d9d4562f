/**
 * Fills `{name}` placeholders and checks a pattern before it is saved: every placeholder known to the
 * pattern, every required one present, braces balanced. Pure (no Nest, no database).
 */
import { templateSpec } from './brief-templates';

export const MAX_TEMPLATE_LENGTH = 500;

const PLACEHOLDER = /\{([^{}]*)\}/g;

/** Placeholders named in a text, in order of appearance (repeats kept once). */
export function placeholdersOf(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]))];
}

/** The pattern with its placeholders replaced; a placeholder without a value becomes empty. */
export function fillTemplate(text: string, values: Readonly<Record<string, string | number | null | undefined>>): string {
  return text.replace(PLACEHOLDER, (_, name: string) => {
    const v = values[name];
    return v === null || v === undefined ? '' : String(v);
  });
}

/** Problems with a pattern, in Chinese (empty = valid). */
export function validateTemplate(key: string, text: string): string[] {
  const spec = templateSpec(key);
  if (!spec) return [`没有名为「${key}」的简报模板`];
  const errors: string[] = [];
  if (!text.trim()) errors.push(`模板「${spec.description}」不能为空`);
  if (text.length > MAX_TEMPLATE_LENGTH) errors.push(`模板「${spec.description}」过长（${text.length} 字），最多 ${MAX_TEMPLATE_LENGTH} 字`);
  const stripped = text.replace(PLACEHOLDER, '');
  if (stripped.includes('{') || stripped.includes('}')) errors.push(`模板「${spec.description}」中的花括号不成对：占位符应写成 {名称}`);
  const allowed = new Set(spec.placeholders.map((p) => p.name));
  const used = placeholdersOf(text);
  const unknown = used.filter((n) => !allowed.has(n));
  if (unknown.length) {
    const list = spec.placeholders.length ? spec.placeholders.map((p) => `{${p.name}}`).join('、') : '（本模板不使用占位符）';
    errors.push(`模板「${spec.description}」含未知占位符 ${unknown.map((n) => `{${n}}`).join('、')}；可用的占位符：${list}`);
  }
  const missing = spec.placeholders.filter((p) => p.required && !used.includes(p.name));
  if (missing.length) errors.push(`模板「${spec.description}」缺少必需的占位符 ${missing.map((p) => `{${p.name}}（${p.description}）`).join('、')}`);
  return errors;
}
