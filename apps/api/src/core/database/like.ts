/**
 * A `LIKE` pattern that finds `text` anywhere, lower-cased, with the wildcards in it taken literally.
 * Use it with `LOWER(column) LIKE :param ESCAPE '!'` — `!` is the escape character on MySQL and SQLite
 * alike (a backslash is not: SQLite has no default escape character).
 */
export function containsPattern(text: string): string {
  return `%${text.trim().toLowerCase().replace(/[!%_]/g, (c) => `!${c}`)}%`;
}
