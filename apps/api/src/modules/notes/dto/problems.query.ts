import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, MaxLength, Min } from 'class-validator';
import { PROBLEM_STATUSES, type ProblemStatus } from '@im/contracts';
import { CleanText, INDUSTRY_CODE_PATTERN, PERIOD_PATTERN, QueryBoolean } from './transforms';
import { PageQuery } from '../../../core/http/page.query';

export class ProblemsQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Industry code (its sub-fields included)', example: 'sei.ngit' })
  @IsOptional()
  @Matches(INDUSTRY_CODE_PATTERN, { message: 'industry 应为产业代码，例如 sei.ngit' })
  industry?: string;

  @ApiPropertyOptional({ enum: PROBLEM_STATUSES })
  @IsOptional()
  @IsIn(PROBLEM_STATUSES as unknown as string[], { message: 'status 应为 open、in_progress、closed 之一' })
  status?: ProblemStatus;

  @ApiPropertyOptional({ description: 'true: only overdue (due date before today, Asia/Shanghai, not closed); false: only not overdue' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean({ message: 'overdue 应为 true 或 false' })
  overdue?: boolean;

  @ApiPropertyOptional({ description: 'Words found in the title or the description (any case)', example: '人才' })
  @IsOptional()
  @CleanText()
  @IsString({ message: 'q 应为要查找的文字' })
  @MaxLength(100, { message: 'q 最多 100 个字' })
  q?: string;

  @ApiPropertyOptional({ description: 'Owner unit 责任单位 (exact)' })
  @IsOptional()
  @CleanText()
  @IsString({ message: 'owner 应为单位名称' })
  @MaxLength(200, { message: 'owner 最多 200 个字' })
  owner?: string;

  @ApiPropertyOptional({ description: 'Month raised `YYYY-MM`', example: '2025-10' })
  @IsOptional()
  @Matches(PERIOD_PATTERN, { message: 'period 应为年-月，例如 2025-10' })
  period?: string;

  @ApiPropertyOptional({ description: 'Raised from this monthly note' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'noteId 应为正整数' })
  @Min(1, { message: 'noteId 应为正整数' })
  noteId?: number;
}
