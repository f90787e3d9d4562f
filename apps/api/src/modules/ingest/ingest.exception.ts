import { HttpStatus } from '@nestjs/common';
import { AppException } from '../../core/errors/app.exception';

export enum IngestErrorCode {
  FileMissing = 'INGEST_FILE_MISSING',
  FileEmpty = 'INGEST_FILE_EMPTY',
  FileTooLarge = 'INGEST_FILE_TOO_LARGE',
  NotCsv = 'INGEST_NOT_CSV',
  BatchNotFound = 'INGEST_BATCH_NOT_FOUND',
  NotCommittable = 'INGEST_NOT_COMMITTABLE',
  ErrorsNotExcluded = 'INGEST_ERRORS_NOT_EXCLUDED',
  Duplicate = 'INGEST_DUPLICATE',
  Busy = 'INGEST_BUSY',
  Changed = 'INGEST_CHANGED_SINCE_VALIDATION',
  NotRollbackable = 'INGEST_NOT_ROLLBACKABLE',
  LaterBatches = 'INGEST_LATER_BATCHES',
  RawFileMissing = 'INGEST_RAW_FILE_MISSING',
  TemplateNotFound = 'INGEST_TEMPLATE_NOT_FOUND',
}

const mb = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

/** Errors of the upload API; messages are for the statistics clerk. */
export class IngestException extends AppException {
  static fileMissing() {
    return new IngestException(IngestErrorCode.FileMissing, '请选择要上传的 CSV 文件（表单字段 file）');
  }
  static fileEmpty() {
    return new IngestException(IngestErrorCode.FileEmpty, '文件是空的（0 字节），请检查是否选错了文件');
  }
  static tooLarge(limit: number) {
    return new IngestException(IngestErrorCode.FileTooLarge, `文件超过 ${mb(limit)} 的上限，请按月份或数据集拆分后分别上传`, HttpStatus.PAYLOAD_TOO_LARGE, { limitBytes: limit });
  }
  static notCsv(what: string, hint: string) {
    return new IngestException(IngestErrorCode.NotCsv, `这不是 CSV 文件，而是${what}。${hint}`, HttpStatus.UNSUPPORTED_MEDIA_TYPE);
  }
  static batchNotFound(id: number) {
    return new IngestException(IngestErrorCode.BatchNotFound, `未找到上传批次 #${id}`, HttpStatus.NOT_FOUND);
  }
  static notCommittable(id: number, why: string) {
    return new IngestException(IngestErrorCode.NotCommittable, `批次 #${id} 不能提交：${why}`, HttpStatus.CONFLICT);
  }
  static errorsNotExcluded(rows: number[], total: number) {
    const list = rows.slice(0, 20).join('、');
    return new IngestException(
      IngestErrorCode.ErrorsNotExcluded,
      `文件中有 ${total} 行存在错误（第 ${list}${total > 20 ? ' 等' : ''} 行），不能提交。请修改文件后重新上传，或选择「排除错误行后提交」`,
      HttpStatus.UNPROCESSABLE_ENTITY,
      { rows: rows.slice(0, 1000), total },
    );
  }
  static duplicate(id: number, of: number) {
    return new IngestException(IngestErrorCode.Duplicate, `批次 #${id} 与已提交的批次 #${of} 是同一个文件（SHA-256 相同），数据没有变化，无需再次提交`, HttpStatus.CONFLICT, { duplicateOf: of });
  }
  static busy(what: string) {
    return new IngestException(IngestErrorCode.Busy, `${what}，请稍后重试`, HttpStatus.CONFLICT);
  }
  static changed(id: number, detail: string) {
    return new IngestException(IngestErrorCode.Changed, `批次 #${id} 校验之后参考数据或已存数据发生了变化：${detail}。请重新上传校验`, HttpStatus.CONFLICT);
  }
  static notRollbackable(id: number, why: string) {
    return new IngestException(IngestErrorCode.NotRollbackable, `批次 #${id} 不能回滚：${why}`, HttpStatus.CONFLICT);
  }
  static laterBatches(id: number, later: number[]) {
    return new IngestException(
      IngestErrorCode.LaterBatches,
      `批次 #${id} 提交之后，批次 #${later.join('、#')} 又修改了其中的部分数据。为避免覆盖较新的数据，请先回滚批次 #${later.join('、#')}，再回滚批次 #${id}`,
      HttpStatus.CONFLICT,
      { laterBatches: later },
    );
  }
  static rawFileMissing(id: number) {
    return new IngestException(IngestErrorCode.RawFileMissing, `批次 #${id} 的原始文件已不在服务器上，无法重新读取，请重新上传`, HttpStatus.GONE);
  }
  static templateNotFound(name: string) {
    return new IngestException(IngestErrorCode.TemplateNotFound, `没有名为「${name}」的模板`, HttpStatus.NOT_FOUND);
  }
}
