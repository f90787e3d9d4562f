/**
 * A row of a reference list (园区名录 or 企业名录) → the catalog input it gives, or its problems.
 * Names resolve to reference data (unknown names with the closest known ones), credit codes are
 * checked, tier flags read as 是/否, areas as non-negative numbers. A cell left empty keeps what is
 * stored (for a new row: nothing); new rows need their name (and a park its district).
 */
import { checkCreditCode, normalizeCreditCode } from '@im/domain';
import type { EnterpriseInput, ParkInput, ReferenceDataset, ReferenceInput } from '../../catalog/reference-writer.service';
import { ROLE_LABELS, type ColumnRole } from '../header/column-dictionary';
import type { ColumnPlan } from '../header/header-plan';
import { closestNames, type RefRegion, type ReferenceIndex } from '../reference/reference-index';
import { fromScaled } from '../records/scaled';
import { issueError, UploadIssueCode, type Issue } from '../report/issues';
import { CREDIT_PROBLEM_TEXT } from './subject-resolver';
import { readLevel } from './cells';

export interface ReferenceRecord {
  row: number;
  input: ReferenceInput;
}

const FLAG_ROLES = ['aboveScale', 'hnte', 'littleGiant', 'champion', 'chainLeader'] as const;
const YES = new Set(['是', 'y', 'yes', 'true', '1', '√', '✓', '✔', '有', '对']);
const NO = new Set(['否', 'n', 'no', 'false', '0', '×', '✗', '无', '不是']);
const LIST_SEPARATORS = /[、,，;；/|｜\n]+/;
const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{1,63}$/;
/** 亩: the largest park here is a few ten thousand 亩; more than a million is a unit or digit mistake. */
const MAX_AREA_MU = 1_000_000;

const REGION_KIND_NAMES: Record<RefRegion['type'], string> = { city: '市', district: '区', zone: '开发区', park: '园区' };

export class ReferenceValidator {
  private readonly column = new Map<ColumnRole, { index: number; header: string }>();

  constructor(
    private readonly dataset: ReferenceDataset,
    private readonly index: ReferenceIndex,
    plan: ColumnPlan,
  ) {
    for (const c of plan.columns) if (c.role && !this.column.has(c.role)) this.column.set(c.role, { index: c.index, header: c.header });
  }

  /** The key column a file of this dataset must have. */
  static missingColumns(dataset: ReferenceDataset, plan: ColumnPlan): string[] {
    const has = (role: ColumnRole) => plan.columns.some((c) => c.role === role);
    if (dataset === 'parks') return has('parkCode') || has('parkName') ? [] : ['园区代码或园区名称'];
    return has('creditCode') ? [] : ['统一社会信用代码'];
  }

  validate(row: number, cells: string[]): { record: ReferenceRecord | null; issues: Issue[] } {
    const issues: Issue[] = [];
    const input = this.dataset === 'parks' ? this.park(row, cells, issues) : this.enterprise(row, cells, issues);
    return { record: input && !issues.some((i) => i.severity === 'error') ? { row, input } : null, issues };
  }

  private cell(role: ColumnRole, cells: string[]): { text: string; column: string } | null {
    const c = this.column.get(role);
    if (!c) return null;
    const text = (cells[c.index] ?? '').normalize('NFKC').trim();
    return { text, column: c.header };
  }

  private given(role: ColumnRole, cells: string[]): { text: string; column: string } | null {
    const c = this.cell(role, cells);
    return c && c.text !== '' && !/^[-—–…]+$/.test(c.text) ? c : null;
  }

  private error(issues: Issue[], code: UploadIssueCode, message: string, row: number, cell: { text: string; column: string } | null, suggestions?: string[]): void {
    issues.push(issueError(code, message, { row, column: cell?.column ?? null, value: cell?.text, suggestions }));
  }

  /** A region of one kind, by code or name. */
  private region(row: number, cell: { text: string; column: string }, type: RefRegion['type'], issues: Issue[]): RefRegion | null {
    const found = this.index.region(cell.text);
    const ofType = this.index.data.regions.filter((r) => r.type === type);
    if (found.kind === 'found') {
      if (found.item.type === type) return found.item;
      this.error(
        issues,
        UploadIssueCode.RegionKind,
        `「${cell.text}」是${REGION_KIND_NAMES[found.item.type]}，不是${REGION_KIND_NAMES[type]}。「${ROLE_LABELS[this.roleOf(cell.column) ?? 'districtName']}」请填写${REGION_KIND_NAMES[type]}的名称，如：${ofType.slice(0, 3).map((r) => r.name).join('、')}`,
        row,
        cell,
      );
      return null;
    }
    if (found.kind === 'ambiguous') {
      const match = found.items.filter((r) => r.type === type);
      if (match.length === 1) return match[0];
    }
    const suggestions = closestNames(cell.text, ofType.map((r) => r.name));
    const hint = suggestions.length ? `，是否是：${suggestions.join('、')}？` : `。系统中的${REGION_KIND_NAMES[type]}有：${ofType.slice(0, 6).map((r) => r.name).join('、')}${ofType.length > 6 ? ' 等' : ''}`;
    this.error(issues, UploadIssueCode.RegionUnknown, `系统中没有${REGION_KIND_NAMES[type]}「${cell.text}」${hint}`, row, cell, suggestions);
    return null;
  }

  private roleOf(column: string): ColumnRole | null {
    for (const [role, c] of this.column) if (c.header === column) return role;
    return null;
  }

  private industries(row: number, cells: string[], issues: Issue[]): number[] | undefined {
    const cell = this.given('industries', cells);
    if (!cell) return undefined;
    const ids: number[] = [];
    for (const part of cell.text.split(LIST_SEPARATORS).map((s) => s.trim()).filter(Boolean)) {
      const found = this.index.industry(part);
      if (found.kind === 'found') ids.push(found.item.id);
      else if (found.kind === 'ambiguous') {
        this.error(issues, UploadIssueCode.IndustryAmbiguous, `产业「${part}」对应多个：${found.items.map((i) => `${i.name}（${i.code}）`).join('、')}，请改填代码`, row, cell, found.items.map((i) => i.code));
      } else {
        const hint = found.suggestions.length ? `，是否是：${found.suggestions.join('、')}？` : '';
        this.error(issues, UploadIssueCode.IndustryUnknown, `系统中没有产业「${part}」${hint}（多个产业用顿号「、」分隔）`, row, cell, found.suggestions);
      }
    }
    return ids;
  }

  private text(role: ColumnRole, cells: string[], max: number, row: number, issues: Issue[]): string | undefined {
    const cell = this.given(role, cells);
    if (!cell) return undefined;
    if (cell.text.length > max) {
      this.error(issues, UploadIssueCode.FieldInvalid, `「${ROLE_LABELS[role]}」最多 ${max} 个字，这里有 ${cell.text.length} 个字`, row, cell);
      return undefined;
    }
    return cell.text;
  }

  private park(row: number, cells: string[], issues: Issue[]): ParkInput | null {
    const codeCell = this.given('parkCode', cells);
    const nameCell = this.given('parkName', cells);
    let code: string | null = null;
    if (codeCell) {
      if (!CODE_PATTERN.test(codeCell.text)) {
        this.error(issues, UploadIssueCode.FieldInvalid, `园区代码「${codeCell.text}」只能由字母、数字和 . _ - 组成（2–64 位），如 xm.park.software`, row, codeCell);
        return null;
      }
      code = codeCell.text;
      const existing = this.index.region(code);
      if (existing.kind === 'found' && existing.item.code.toLowerCase() === code.toLowerCase()) {
        if (existing.item.type !== 'park') {
          this.error(issues, UploadIssueCode.RegionKind, `代码「${code}」已是${REGION_KIND_NAMES[existing.item.type]}「${existing.item.name}」的代码，园区请用另一个代码`, row, codeCell);
          return null;
        }
        code = existing.item.code;
      }
    } else if (nameCell) {
      const found = this.index.region(nameCell.text);
      if (found.kind === 'found' && found.item.type === 'park') code = found.item.code;
      else {
        this.error(issues, UploadIssueCode.ValueMissing, `系统中没有园区「${nameCell.text}」：新园区请填写「园区代码」（如 xm.park.xxx）`, row, nameCell);
        return null;
      }
    } else {
      this.error(issues, UploadIssueCode.SubjectMissing, '园区代码和园区名称都是空的，请至少填写一项', row, null);
      return null;
    }
    const isNew = !this.index.data.regions.some((r) => r.code === code && r.type === 'park');
    const input: ParkInput = { code };
    const name = this.text('parkName', cells, 100, row, issues);
    if (name !== undefined) input.name = name;
    const district = this.given('districtName', cells);
    if (district) {
      const r = this.region(row, district, 'district', issues);
      if (r) input.districtId = r.id;
    }
    const zone = this.given('zoneName', cells);
    if (zone) {
      const r = this.region(row, zone, 'zone', issues);
      if (r) input.zoneId = r.id;
    }
    const area = this.given('landArea', cells);
    if (area) {
      const read = readLevel(area.text);
      if (!read.ok) this.error(issues, read.message.includes('负数') ? UploadIssueCode.ValueNegative : UploadIssueCode.NumberInvalid, `占地面积：${read.message}`, row, area);
      else if (read.value.scaled > MAX_AREA_MU * 10_000) {
        this.error(issues, UploadIssueCode.ValueOutOfRange, `占地面积「${area.text}」亩超过 100 万亩，请检查单位（本列按亩填写，1 平方公里 = 1500 亩）`, row, area);
      } else input.landAreaMu = fromScaled(read.value.scaled);
    }
    const industries = this.industries(row, cells, issues);
    if (industries !== undefined) input.industryIds = industries;
    const note = this.text('note', cells, 1000, row, issues);
    if (note !== undefined) input.note = note;
    if (isNew) {
      if (input.name === undefined && !issues.length) this.error(issues, UploadIssueCode.ValueMissing, `新园区「${code}」须填写园区名称`, row, this.cell('parkName', cells));
      if (!district && !issues.some((i) => i.column === this.column.get('districtName')?.header)) {
        this.error(issues, UploadIssueCode.ValueMissing, `新园区「${input.name ?? code}」须填写所属区（如 湖里区）`, row, this.cell('districtName', cells));
      }
    }
    return input;
  }

  private enterprise(row: number, cells: string[], issues: Issue[]): EnterpriseInput | null {
    const codeCell = this.given('creditCode', cells);
    if (!codeCell) {
      this.error(issues, UploadIssueCode.ValueMissing, '统一社会信用代码是空的：企业名录按统一社会信用代码登记，请填写 18 位代码', row, this.cell('creditCode', cells));
      return null;
    }
    const creditCode = normalizeCreditCode(codeCell.text);
    const problem = checkCreditCode(creditCode);
    if (problem) {
      this.error(issues, UploadIssueCode.CreditCodeInvalid, CREDIT_PROBLEM_TEXT[problem](creditCode), row, codeCell);
      return null;
    }
    const isNew = this.index.enterprise(creditCode) === undefined;
    const input: EnterpriseInput = { creditCode };
    const name = this.text('enterpriseName', cells, 200, row, issues);
    if (name !== undefined) input.name = name;
    else if (isNew && !this.given('enterpriseName', cells)) this.error(issues, UploadIssueCode.ValueMissing, `新企业（${creditCode}）须填写企业名称`, row, this.cell('enterpriseName', cells));

    const parkCell = this.given('parkName', cells);
    const districtCell = this.given('districtName', cells);
    const park = parkCell ? this.region(row, parkCell, 'park', issues) : null;
    const district = districtCell ? this.region(row, districtCell, 'district', issues) : null;
    if (park) {
      input.parkId = park.id;
      input.districtId = park.parentId;
      if (district && park.parentId !== district.id) {
        const parkDistrict = park.parentId !== null ? this.index.regionById(park.parentId)?.name : null;
        this.error(issues, UploadIssueCode.FieldInvalid, `园区「${park.name}」属于${parkDistrict ?? '其他区'}，与所属区「${district.name}」不一致，请核对`, row, districtCell);
      }
    } else if (district) {
      input.districtId = district.id;
      // A district without a park: the enterprise is outside the parks.
      if (!parkCell && this.column.has('parkName')) input.parkId = null;
    }
    const industries = this.industries(row, cells, issues);
    if (industries !== undefined) input.industryIds = industries;
    for (const role of FLAG_ROLES) {
      const cell = this.given(role, cells);
      if (!cell) continue;
      const v = cell.text.toLowerCase();
      if (YES.has(v)) input[role] = true;
      else if (NO.has(v)) input[role] = false;
      else this.error(issues, UploadIssueCode.FieldInvalid, `「${ROLE_LABELS[role]}」只能填「是」或「否」（也可填 1/0、Y/N），这里是「${cell.text}」`, row, cell);
    }
    return input;
  }
}

/** Keys of a record (park code / credit code), for duplicates in the file. */
export function referenceKey(r: ReferenceRecord): string {
  return 'code' in r.input ? r.input.code.toLowerCase() : r.input.creditCode;
}
