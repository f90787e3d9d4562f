import { BadRequestException, Body, Controller, Delete, Get, HttpCode, HttpStatus, Injectable, Param, Patch, PayloadTooLargeException, Post, Put, Query, StreamableFile, UploadedFile, UseInterceptors, type CallHandler, type ExecutionContext, type NestInterceptor, type PipeTransform } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiPayloadTooLargeResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { DashboardWriteInterceptor } from '../observations/queries/dashboard-cache.interceptor';
import type { Observable } from 'rxjs';
import type { AnnualTargetDto, PlanDetailDto, PlanDto, TargetDto, TargetImportReportDto } from '@im/contracts';
import { PutAnnualTargetDto } from './dto/annual-target.dto';
import { ImportTargetsQuery } from './dto/import-targets.query';
import { CreatePlanDto, UpdatePlanDto } from './dto/plan.dto';
import { CreateTargetDto, UpdateTargetDto } from './dto/target.dto';
import { Can } from '../../core/security/policy.decorator';
import { PlansException } from './plans.exception';
import { PlansService, type UploadedCsvFile } from './plans.service';

/** Targets files are a few dozen rows; 1 MB is generous and keeps the upload in memory harmless. */
export const MAX_TARGETS_CSV_BYTES = 1024 * 1024;

/** `:year` of an annual target: a four-digit year, else a Chinese 400. */
class YearPipe implements PipeTransform<string, number> {
  transform(value: string): number {
    if (!/^\d{4}$/.test(value)) throw PlansException.invalidYear(value);
    return Number(value);
  }
}

const MulterSingleFile = FileInterceptor('file', { limits: { fileSize: MAX_TARGETS_CSV_BYTES, files: 1, fields: 5 } });

/**
 * Multer (field `file`, in memory, size-limited) with its errors in the words of the product. Only
 * the upload stage is translated: errors of the pipes and the handler pass unchanged.
 */
@Injectable()
class CsvUploadInterceptor implements NestInterceptor {
  private readonly multer: NestInterceptor = new MulterSingleFile();

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    try {
      return await this.multer.intercept(context, next);
    } catch (e) {
      if (e instanceof PayloadTooLargeException) throw PlansException.importFileTooLarge(MAX_TARGETS_CSV_BYTES);
      if (e instanceof BadRequestException) throw PlansException.importUploadInvalid();
      throw e;
    }
  }
}

const PLAN_CODE = { name: 'code', description: 'plan code', example: 'xm-sei-14' };
const TARGET_CODE = { name: 'targetCode', description: 'target code within the plan', example: 'xm-sei-14.bio-scale' };
const ERROR_BODY = '{ code, message, details? } — message in Chinese';

/**
 * Plans (规划), their targets and annual targets (年度目标). Reads first; the write handlers below
 * are kept one per operation so that an authorization guard (admin / plan owner) can be put on them.
 */
@ApiTags('plans')
@Controller('plans')
@UseInterceptors(DashboardWriteInterceptor)
export class PlansController {
  constructor(private readonly plans: PlansService) {}

  // ---------------------------------------------------------------------------------------------
  // Reads

  @Get()
  @Can('data.read')
  @ApiOperation({ summary: 'Plans (规划), e.g. xm-sei-14 十四五战新规划 2021–2025' })
  @ApiOkResponse({ description: 'PlanDto[]' })
  list(): Promise<PlanDto[]> {
    return this.plans.listPlans();
  }

  @Get(':code')
  @Can('data.read')
  @ApiOperation({ summary: 'A plan with its targets (numerator/denominator series named by codes and names) and annual targets' })
  @ApiParam(PLAN_CODE)
  @ApiOkResponse({ description: 'PlanDetailDto' })
  @ApiNotFoundResponse({ description: `PLANS_PLAN_NOT_FOUND — ${ERROR_BODY}` })
  detail(@Param('code') code: string): Promise<PlanDetailDto> {
    return this.plans.planDetail(code);
  }

  @Get(':code/targets')
  @Can('data.read')
  @ApiOperation({ summary: 'The targets of a plan, in their stored order' })
  @ApiParam(PLAN_CODE)
  @ApiOkResponse({ description: 'TargetDto[]' })
  @ApiNotFoundResponse({ description: `PLANS_PLAN_NOT_FOUND — ${ERROR_BODY}` })
  targets(@Param('code') code: string): Promise<TargetDto[]> {
    return this.plans.listTargets(code);
  }

  @Get(':code/targets.csv')
  @Can('data.read')
  @ApiOperation({
    summary: 'Export the targets as CSV (format of seeds/reference/targets.csv)',
    description: 'UTF-8 with BOM (opens in Excel), the seeds’ columns, LF line ends. Text cells starting with = + - @ tab CR LF get a leading \' so that spreadsheets do not run them; numbers stay numbers. Annual targets are not part of the file.',
  })
  @ApiParam(PLAN_CODE)
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'text/csv; charset=utf-8 attachment' })
  @ApiNotFoundResponse({ description: `PLANS_PLAN_NOT_FOUND — ${ERROR_BODY}` })
  async exportCsv(@Param('code') code: string): Promise<StreamableFile> {
    const csv = await this.plans.exportTargetsCsv(code);
    return new StreamableFile(Buffer.from(csv.content, 'utf8'), { type: 'text/csv; charset=utf-8', disposition: `attachment; filename="${csv.fileName}"` });
  }

  @Get(':code/targets/:targetCode')
  @Can('data.read')
  @ApiOperation({ summary: 'One target with its annual targets' })
  @ApiParam(PLAN_CODE)
  @ApiParam(TARGET_CODE)
  @ApiOkResponse({ description: 'TargetDto' })
  @ApiNotFoundResponse({ description: `PLANS_PLAN_NOT_FOUND | PLANS_TARGET_NOT_FOUND — ${ERROR_BODY}` })
  target(@Param('code') code: string, @Param('targetCode') targetCode: string): Promise<TargetDto> {
    return this.plans.target(code, targetCode);
  }

  // ---------------------------------------------------------------------------------------------
  // Writes (plans.write: admin)

  @Post()
  @Can('plans.write')
  @ApiOperation({ summary: 'Create a plan' })
  @ApiCreatedResponse({ description: 'PlanDto' })
  @ApiBadRequestResponse({ description: `validation (unknown fields, formats), PLANS_INVALID_PLAN_YEARS — ${ERROR_BODY}` })
  @ApiConflictResponse({ description: `PLANS_PLAN_EXISTS — ${ERROR_BODY}` })
  createPlan(@Body() body: CreatePlanDto): Promise<PlanDto> {
    return this.plans.createPlan(body);
  }

  @Patch(':code')
  @Can('plans.write')
  @ApiOperation({ summary: 'Change a plan (name, years, owner, source); the code never changes' })
  @ApiParam(PLAN_CODE)
  @ApiOkResponse({ description: 'PlanDto' })
  @ApiBadRequestResponse({ description: `validation, PLANS_INVALID_PLAN_YEARS — ${ERROR_BODY}` })
  @ApiNotFoundResponse({ description: `PLANS_PLAN_NOT_FOUND — ${ERROR_BODY}` })
  @ApiConflictResponse({ description: `PLANS_PLAN_YEARS_CONFLICT: targets or annual targets would fall before the new start — ${ERROR_BODY}` })
  updatePlan(@Param('code') code: string, @Body() body: UpdatePlanDto): Promise<PlanDto> {
    return this.plans.updatePlan(code, body);
  }

  @Delete(':code')
  @Can('plans.write')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Delete a plan without targets' })
  @ApiParam(PLAN_CODE)
  @ApiNoContentResponse({ description: 'deleted' })
  @ApiNotFoundResponse({ description: `PLANS_PLAN_NOT_FOUND — ${ERROR_BODY}` })
  @ApiConflictResponse({ description: `PLANS_PLAN_HAS_TARGETS: delete its targets first — ${ERROR_BODY}` })
  deletePlan(@Param('code') code: string): Promise<void> {
    return this.plans.deletePlan(code);
  }

  @Post(':code/targets')
  @Can('plans.write')
  @ApiOperation({
    summary: 'Create a target',
    description: 'Rules: see targets-csv/validate-target.ts — the same as for an imported file. Unknown catalog codes are a 400 with the closest known codes suggested.',
  })
  @ApiParam(PLAN_CODE)
  @ApiCreatedResponse({ description: 'TargetDto' })
  @ApiBadRequestResponse({ description: `validation; PLANS_INVALID_TARGET with details [{ field, code, message }] — ${ERROR_BODY}` })
  @ApiNotFoundResponse({ description: `PLANS_PLAN_NOT_FOUND — ${ERROR_BODY}` })
  @ApiConflictResponse({ description: `PLANS_TARGET_EXISTS — ${ERROR_BODY}` })
  createTarget(@Param('code') code: string, @Body() body: CreateTargetDto): Promise<TargetDto> {
    return this.plans.createTarget(code, body);
  }

  @Patch(':code/targets/:targetCode')
  @Can('plans.write')
  @ApiOperation({ summary: 'Change a target (fields sent only; null clears); the result is validated as a whole' })
  @ApiParam(PLAN_CODE)
  @ApiParam(TARGET_CODE)
  @ApiOkResponse({ description: 'TargetDto' })
  @ApiBadRequestResponse({ description: `validation; PLANS_INVALID_TARGET with details [{ field, code, message }] — ${ERROR_BODY}` })
  @ApiNotFoundResponse({ description: `PLANS_PLAN_NOT_FOUND | PLANS_TARGET_NOT_FOUND — ${ERROR_BODY}` })
  @ApiConflictResponse({ description: `PLANS_ANNUAL_TARGETS_CONFLICT: annual targets would fall outside the new years — ${ERROR_BODY}` })
  updateTarget(@Param('code') code: string, @Param('targetCode') targetCode: string, @Body() body: UpdateTargetDto): Promise<TargetDto> {
    return this.plans.updateTarget(code, targetCode, body);
  }

  @Delete(':code/targets/:targetCode')
  @Can('plans.write')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Delete a target and its annual targets' })
  @ApiParam(PLAN_CODE)
  @ApiParam(TARGET_CODE)
  @ApiNoContentResponse({ description: 'deleted' })
  @ApiNotFoundResponse({ description: `PLANS_PLAN_NOT_FOUND | PLANS_TARGET_NOT_FOUND — ${ERROR_BODY}` })
  deleteTarget(@Param('code') code: string, @Param('targetCode') targetCode: string): Promise<void> {
    return this.plans.deleteTarget(code, targetCode);
  }

  @Put(':code/targets/:targetCode/annual/:year')
  @Can('plans.write')
  @ApiOperation({
    summary: 'Set the annual target (年度目标) of a year',
    description: 'Only years strictly between the baseline year (or the plan’s start year − 1) and the target year. Without annual targets the planned path is interpolated.',
  })
  @ApiParam(PLAN_CODE)
  @ApiParam(TARGET_CODE)
  @ApiParam({ name: 'year', example: 2023 })
  @ApiOkResponse({ description: 'AnnualTargetDto' })
  @ApiBadRequestResponse({ description: `validation, PLANS_INVALID_YEAR, PLANS_ANNUAL_YEAR_OUT_OF_RANGE, PLANS_INVALID_ANNUAL_TARGET — ${ERROR_BODY}` })
  @ApiNotFoundResponse({ description: `PLANS_PLAN_NOT_FOUND | PLANS_TARGET_NOT_FOUND — ${ERROR_BODY}` })
  putAnnualTarget(
    @Param('code') code: string,
    @Param('targetCode') targetCode: string,
    @Param('year', YearPipe) year: number,
    @Body() body: PutAnnualTargetDto,
  ): Promise<AnnualTargetDto> {
    return this.plans.putAnnualTarget(code, targetCode, year, body);
  }

  @Delete(':code/targets/:targetCode/annual/:year')
  @Can('plans.write')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Delete the annual target of a year (the planned path is interpolated again)' })
  @ApiParam(PLAN_CODE)
  @ApiParam(TARGET_CODE)
  @ApiParam({ name: 'year', example: 2023 })
  @ApiNoContentResponse({ description: 'deleted' })
  @ApiBadRequestResponse({ description: `PLANS_INVALID_YEAR — ${ERROR_BODY}` })
  @ApiNotFoundResponse({ description: `PLANS_PLAN_NOT_FOUND | PLANS_TARGET_NOT_FOUND | PLANS_ANNUAL_TARGET_NOT_FOUND — ${ERROR_BODY}` })
  deleteAnnualTarget(@Param('code') code: string, @Param('targetCode') targetCode: string, @Param('year', YearPipe) year: number): Promise<void> {
    return this.plans.deleteAnnualTarget(code, targetCode, year);
  }

  @Post(':code/targets/import')
  @Can('plans.write')
  @HttpCode(HttpStatus.OK)
  @UseInterceptors(CsvUploadInterceptor)
  @ApiOperation({
    summary: 'Import targets from a CSV file (format of seeds/reference/targets.csv)',
    description:
      'UTF-8 with or without BOM, or GBK (detected; ?encoding= forces one). Every row is validated; with any error nothing is written and the 400 carries the report with every error as { row (line of the file), column, code, message }. Otherwise new targets are inserted and changed ones updated in one transaction; unchanged ones are reported; targets not in the file are listed in notInFile and kept. ?dryRun=true validates and reports (200) without writing.',
  })
  @ApiParam(PLAN_CODE)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary', description: 'targets CSV' } } } })
  @ApiOkResponse({ description: 'TargetImportReportDto (applied, or the dry run’s report)' })
  @ApiBadRequestResponse({ description: `PLANS_IMPORT_INVALID with details = TargetImportReportDto; PLANS_IMPORT_FILE_MISSING; PLANS_IMPORT_UPLOAD_INVALID — ${ERROR_BODY}` })
  @ApiNotFoundResponse({ description: `PLANS_PLAN_NOT_FOUND — ${ERROR_BODY}` })
  @ApiPayloadTooLargeResponse({ description: `PLANS_IMPORT_FILE_TOO_LARGE (over 1 MB) — ${ERROR_BODY}` })
  importTargets(@Param('code') code: string, @UploadedFile() file: UploadedCsvFile | undefined, @Query() query: ImportTargetsQuery): Promise<TargetImportReportDto> {
    return this.plans.importTargets(code, file, query);
  }
}
