import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { BadRequestException, Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query, Req, Res, UploadedFile, UseGuards, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { RevisedMonthsDto, UploadBatchPageDto, UploadIssuePageDto, UploadReportDto, UploadRollbackResultDto, UploadRowsDto, UploadTemplateDto } from '@im/contracts';
import { Can } from '../../core/security/policy.decorator';
import { actorIdOf } from './actor';
import { CommitBody } from './dto/commit.body';
import { UploadBody } from './dto/upload.body';
import { IssuesQuery, ListUploadsQuery, RevisionsQuery, RowsQuery } from './dto/uploads.query';
import { IngestException } from './ingest.exception';
import type { ReceivedFile } from './receive/raw-upload.storage';
import { UploadSizeGuard } from './receive/upload-size.guard';
import { UploadsService } from './uploads.service';

const batchId = new ParseIntPipe({ exceptionFactory: () => new BadRequestException('批次编号应为整数') });

/** `filename*` (RFC 5987) for Chinese file names, with an ASCII fallback. */
function attachment(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

@ApiTags('uploads')
@Controller('uploads')
export class UploadsController {
  constructor(private readonly uploads: UploadsService) {}

  @Get('templates')
  @Can('uploads.read')
  @ApiOperation({ summary: 'CSV templates, one per dataset (header + example rows)' })
  templates(): UploadTemplateDto[] {
    return this.uploads.templates();
  }

  @Get('templates/:file')
  @Can('uploads.read')
  @ApiProduces('text/csv')
  @ApiOperation({ summary: 'Download a template, e.g. industry-monthly.csv (UTF-8 with BOM)' })
  template(@Param('file') file: string, @Res() res: Response): void {
    const t = this.uploads.template(file);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', attachment(t.fileName));
    res.send(t.content);
  }

  @Get('revisions')
  @Can('uploads.read')
  @ApiOperation({ summary: 'Subject series whose values of a year have earlier vintages (for the completeness matrix)' })
  revisions(@Query() query: RevisionsQuery): Promise<RevisedMonthsDto> {
    return this.uploads.revisedMonths(query.year);
  }

  @Get()
  @Can('uploads.read')
  @ApiOperation({ summary: 'Upload history: batches with uploader, time, file name, SHA-256, counts (newest first)' })
  list(@Query() query: ListUploadsQuery): Promise<UploadBatchPageDto> {
    return this.uploads.list(query);
  }

  @Post()
  @Can('uploads.write')
  @UseGuards(UploadSizeGuard)
  @UseInterceptors(FileInterceptor('file'))
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: {
        file: { type: 'string', format: 'binary' },
        dataset: { type: 'string', enum: ['industry-monthly', 'region-monthly', 'enterprise-monthly', 'macro'] },
        encoding: { type: 'string', enum: ['auto', 'utf-8', 'gbk', 'gb18030'] },
        period: { type: 'string', example: '2025年1-5月' },
      },
    },
  })
  @ApiOperation({ summary: 'Upload a CSV file: parsed and validated, nothing stored but the batch and its report (dry run)' })
  upload(@UploadedFile() file: ReceivedFile | undefined, @Body() body: UploadBody, @Req() req: Request): Promise<UploadReportDto> {
    if (!file) throw IngestException.fileMissing();
    return this.uploads.receive(file, { dataset: body.dataset ?? null, encoding: body.encoding ?? null, period: body.period ?? null }, actorIdOf(req));
  }

  @Get(':id')
  @Can('uploads.read')
  @ApiOkResponse({ description: 'UploadReportDto: detection, problems, what it changes, whether it can be committed' })
  report(@Param('id', batchId) id: number): Promise<UploadReportDto> {
    return this.uploads.report(id);
  }

  @Get(':id/issues')
  @Can('uploads.read')
  @ApiOperation({ summary: 'All problems of a batch, page by page' })
  issues(@Param('id', batchId) id: number, @Query() query: IssuesQuery): Promise<UploadIssuePageDto> {
    return this.uploads.issues(id, query);
  }

  @Get(':id/rows')
  @Can('uploads.read')
  @ApiOperation({ summary: 'Rows of the raw file as written (at most 50), with its header row: a problem in its context' })
  rows(@Param('id', batchId) id: number, @Query() query: RowsQuery): Promise<UploadRowsDto> {
    return this.uploads.rows(id, query.from, query.to ?? query.from);
  }

  @Get(':id/errors.csv')
  @Can('uploads.read')
  @ApiProduces('text/csv')
  @ApiOperation({ summary: 'The rows with problems, as in the file, with 原文件行号 and 错误原因 (formula-escaped)' })
  async errorsCsv(@Param('id', batchId) id: number, @Res() res: Response): Promise<void> {
    const { fileName, body } = await this.uploads.errorsCsv(id);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', attachment(fileName));
    Readable.from(body).pipe(res);
  }

  @Get(':id/raw')
  @Can('uploads.read')
  @ApiProduces('text/csv')
  @ApiOperation({ summary: 'The raw file as uploaded (kept for audit)' })
  async raw(@Param('id', batchId) id: number, @Res() res: Response): Promise<void> {
    const { path, fileName } = await this.uploads.rawDownload(id);
    res.setHeader('Content-Type', 'text/csv');
    res.setHeader('Content-Disposition', attachment(fileName));
    createReadStream(path).pipe(res);
  }

  @Post(':id/commit')
  @HttpCode(200)
  @Can('uploads.write')
  @ApiOperation({ summary: 'Commit a validated batch in one transaction (rows with errors must be excluded explicitly)' })
  commit(@Param('id', batchId) id: number, @Body() body: CommitBody, @Req() req: Request): Promise<UploadReportDto> {
    return this.uploads.commit(id, body, actorIdOf(req));
  }

  @Post(':id/rollback')
  @HttpCode(200)
  @Can('uploads.write')
  @ApiOperation({ summary: 'Undo a committed batch: exactly the state before it (refused when a later batch changed the same values)' })
  rollback(@Param('id', batchId) id: number, @Req() req: Request): Promise<UploadRollbackResultDto> {
    return this.uploads.rollback(id, actorIdOf(req));
  }
}
