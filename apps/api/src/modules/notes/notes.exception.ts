import { HttpStatus } from '@nestjs/common';
import type { ProblemStatus } from '@im/contracts';
import { AppException } from '../../core/errors/app.exception';

export enum NotesErrorCode {
  InvalidId = 'NOTES_INVALID_ID',
  InvalidPeriod = 'NOTES_INVALID_PERIOD',
  InvalidDueDate = 'NOTES_INVALID_DUE_DATE',
  FuturePeriod = 'NOTES_FUTURE_PERIOD',
  IndustryNotFound = 'NOTES_INDUSTRY_NOT_FOUND',
  IndustryNotLed = 'NOTES_INDUSTRY_NOT_LED',
  NoteNotFound = 'NOTES_NOTE_NOT_FOUND',
  NoteChanged = 'NOTES_NOTE_CHANGED',
  NoteLinkInvalid = 'NOTES_NOTE_LINK_INVALID',
  ProblemNotFound = 'NOTES_PROBLEM_NOT_FOUND',
  ProblemNotYours = 'NOTES_PROBLEM_NOT_YOURS',
  ProblemClosed = 'NOTES_PROBLEM_CLOSED',
  OwnerUnitUnknown = 'NOTES_OWNER_UNIT_UNKNOWN',
  StatusUnchanged = 'NOTES_STATUS_UNCHANGED',
  TransitionNotAllowed = 'NOTES_TRANSITION_NOT_ALLOWED',
  ClosingNoteRequired = 'NOTES_CLOSING_NOTE_REQUIRED',
  ReopenReasonRequired = 'NOTES_REOPEN_REASON_REQUIRED',
  ConcurrentChange = 'NOTES_CONCURRENT_CHANGE',
}

const STATUS_ZH: Record<ProblemStatus, string> = { open: '待处理', in_progress: '处理中', closed: '已销号' };

export class NotesException extends AppException {
  static invalidId() {
    return new NotesException(NotesErrorCode.InvalidId, '编号应为正整数');
  }
  static invalidPeriod(text: string) {
    return new NotesException(NotesErrorCode.InvalidPeriod, `"${text.slice(0, 40)}"不是有效的月份：请写成 2025-10 这样的年-月`);
  }
  static futurePeriod(period: string, current: string) {
    return new NotesException(NotesErrorCode.FuturePeriod, `${period} 尚未到来：只能填报 ${current} 及以前月份的进展和问题`);
  }
  static invalidDueDate(text: string) {
    return new NotesException(NotesErrorCode.InvalidDueDate, `"${text.slice(0, 40)}"不是有效的日期：请写成 2025-12-31 这样的年-月-日`);
  }
  static industryNotFound(code: string) {
    return new NotesException(NotesErrorCode.IndustryNotFound, `未找到产业"${code.slice(0, 64)}"`, HttpStatus.NOT_FOUND);
  }
  /** A lead unit writing about an industry it does not lead (or anyone else writing at all). */
  static industryNotLed(name: string) {
    return new NotesException(NotesErrorCode.IndustryNotLed, `您的单位不是"${name}"的牵头单位，不能填报或修改该产业的进展和问题`, HttpStatus.FORBIDDEN);
  }
  static noteNotFound(id: number) {
    return new NotesException(NotesErrorCode.NoteNotFound, `未找到编号为 ${id} 的月度进展`, HttpStatus.NOT_FOUND);
  }
  static noteChanged(current: number, base: number | null) {
    return new NotesException(
      NotesErrorCode.NoteChanged,
      base === null
        ? `该月进展已由他人填报（第 ${current} 版），请刷新后在其基础上修改`
        : `您编辑的是第 ${base} 版，其间已有人保存了第 ${current} 版：请刷新后再修改，以免覆盖他人的内容`,
      HttpStatus.CONFLICT,
      { currentVersion: current },
    );
  }
  static noteLinkInvalid() {
    return new NotesException(NotesErrorCode.NoteLinkInvalid, '关联的月度进展不存在，或不是同一产业的进展');
  }
  static problemNotFound(id: number) {
    return new NotesException(NotesErrorCode.ProblemNotFound, `未找到编号为 ${id} 的督办问题`, HttpStatus.NOT_FOUND);
  }
  static problemNotYours() {
    return new NotesException(NotesErrorCode.ProblemNotYours, '只有该产业的牵头单位或问题的责任单位可以变更此问题的状态', HttpStatus.FORBIDDEN);
  }
  static problemClosed() {
    return new NotesException(NotesErrorCode.ProblemClosed, '问题已销号，不能再修改：如需修改请先重新打开', HttpStatus.CONFLICT);
  }
  static ownerUnitUnknown(unit: string, choices: string[]) {
    return new NotesException(
      NotesErrorCode.OwnerUnitUnknown,
      `"${unit.slice(0, 60)}"不是该产业的牵头或责任单位：可选 ${choices.join('、')}`,
      HttpStatus.BAD_REQUEST,
      { choices },
    );
  }
  static statusUnchanged(status: ProblemStatus) {
    return new NotesException(NotesErrorCode.StatusUnchanged, `问题已经是"${STATUS_ZH[status]}"状态`, HttpStatus.CONFLICT);
  }
  static transitionNotAllowed(from: ProblemStatus, to: ProblemStatus, allowed: readonly ProblemStatus[]) {
    return new NotesException(
      NotesErrorCode.TransitionNotAllowed,
      `不能从"${STATUS_ZH[from]}"改为"${STATUS_ZH[to]}"：只能改为${allowed.map((s) => `"${STATUS_ZH[s]}"`).join('或')}`,
      HttpStatus.CONFLICT,
      { allowed },
    );
  }
  static closingNoteRequired() {
    return new NotesException(NotesErrorCode.ClosingNoteRequired, '销号须填写销号说明：问题如何解决、依据是什么');
  }
  static reopenReasonRequired() {
    return new NotesException(NotesErrorCode.ReopenReasonRequired, '重新打开须填写原因');
  }
  static concurrentChange() {
    return new NotesException(NotesErrorCode.ConcurrentChange, '其他人刚刚修改了同一条记录，请刷新后重试', HttpStatus.CONFLICT);
  }
}
