/**
 * How a committed reference change is kept in `upload_change` (the batch's changes): the diff shown
 * to the user, plus the row's key and its state before the batch — what a rollback puts back. The
 * column holds 2,000 characters; long display values are shortened first, never the snapshot.
 */
import type { UploadDiffFieldDto } from '@im/contracts';
import type { ReferenceChange, ReferenceSnapshot } from '../../catalog/reference-writer.service';

export interface StoredReferenceChange {
  /** Diff fields as shown. */
  fields: UploadDiffFieldDto[];
  /** Park code or credit code. */
  key: string;
  /** The row before the batch; null when the batch added it. */
  before: ReferenceSnapshot | null;
}

const LIMIT = 2000;

export function encodeReferenceChange(c: ReferenceChange): string {
  let width = 200;
  for (;;) {
    const cut = (v: string | null) => (v !== null && v.length > width ? `${v.slice(0, width)}…` : v);
    const stored: StoredReferenceChange = { fields: c.fields.map((f) => ({ ...f, old: cut(f.old), new: cut(f.new) })), key: c.key, before: c.before };
    const json = JSON.stringify(stored);
    if (json.length <= LIMIT) return json;
    if (width <= 10) throw new Error(`reference change of ${c.key} does not fit upload_change.fields_json`);
    width = Math.floor(width / 2);
  }
}

/** The diff fields of a stored change: an array (observations) or a stored reference change. */
export function decodeChangeFields(json: string): UploadDiffFieldDto[] {
  const parsed = JSON.parse(json) as UploadDiffFieldDto[] | StoredReferenceChange;
  return Array.isArray(parsed) ? parsed : parsed.fields;
}

export function decodeReferenceChange(json: string): StoredReferenceChange | null {
  const parsed = JSON.parse(json) as UploadDiffFieldDto[] | StoredReferenceChange;
  return Array.isArray(parsed) ? null : parsed;
}
