import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Matches, MaxLength, Min, MinLength, ValidateIf } from 'class-validator';
import {
  type CreateProblemRequest,
  PROBLEM_STATUSES,
  PROBLEM_TEXT_MAX,
  PROBLEM_TITLE_MAX,
  type ProblemStatus,
  type ProblemTransitionRequest,
  type UpdateProblemRequest,
} from '@im/contracts';
import { CleanText, DATE_PATTERN, INDUSTRY_CODE_PATTERN, PERIOD_PATTERN } from './transforms';

/** In a PATCH: validate when present; `null` is refused for fields that cannot be empty. */
const IfPresent = () => ValidateIf((_o: object, value: unknown) => value !== undefined);

export class CreateProblemDto implements CreateProblemRequest {
  @ApiProperty({ example: 'sei.ngit' })
  @IsString({ message: '请选择产业' })
  @Matches(INDUSTRY_CODE_PATTERN, { message: '请选择产业（产业代码，例如 sei.ngit）' })
  industryCode!: string;

  @ApiProperty({ description: 'Month raised `YYYY-MM`', example: '2025-10' })
  @IsString({ message: '请填写提出月份' })
  @Matches(PERIOD_PATTERN, { message: '提出月份应为年-月，例如 2025-10' })
  period!: string;

  @ApiProperty({ maxLength: PROBLEM_TITLE_MAX })
  @CleanText()
  @IsString({ message: '请填写问题标题' })
  @MinLength(2, { message: '问题标题至少 2 个字' })
  @MaxLength(PROBLEM_TITLE_MAX, { message: `问题标题最多 ${PROBLEM_TITLE_MAX} 个字` })
  title!: string;

  @ApiPropertyOptional({ maxLength: PROBLEM_TEXT_MAX })
  @IsOptional()
  @CleanText()
  @IsString({ message: '问题描述应为文字' })
  @MaxLength(PROBLEM_TEXT_MAX, { message: `问题描述最多 ${PROBLEM_TEXT_MAX} 个字` })
  description?: string;

  @ApiPropertyOptional({ description: '责任单位; default: the signed-in lead unit' })
  @IsOptional()
  @CleanText()
  @IsString({ message: '责任单位应为单位名称' })
  @MinLength(2, { message: '责任单位至少 2 个字' })
  @MaxLength(200, { message: '责任单位最多 200 个字' })
  ownerUnit?: string;

  @ApiProperty({ description: 'Due date `YYYY-MM-DD`', example: '2025-12-31' })
  @IsString({ message: '请填写完成时限' })
  @Matches(DATE_PATTERN, { message: '完成时限应为年-月-日，例如 2025-12-31' })
  dueDate!: string;

  @ApiPropertyOptional({ description: 'The monthly note it was raised from', nullable: true })
  @IsOptional()
  @IsInt({ message: 'noteId 应为正整数' })
  @Min(1, { message: 'noteId 应为正整数' })
  noteId?: number | null;
}

export class UpdateProblemDto implements UpdateProblemRequest {
  @ApiPropertyOptional({ maxLength: PROBLEM_TITLE_MAX })
  @IfPresent()
  @CleanText()
  @IsString({ message: '问题标题应为文字' })
  @MinLength(2, { message: '问题标题至少 2 个字' })
  @MaxLength(PROBLEM_TITLE_MAX, { message: `问题标题最多 ${PROBLEM_TITLE_MAX} 个字` })
  title?: string;

  @ApiPropertyOptional({ maxLength: PROBLEM_TEXT_MAX })
  @IfPresent()
  @CleanText()
  @IsString({ message: '问题描述应为文字' })
  @MaxLength(PROBLEM_TEXT_MAX, { message: `问题描述最多 ${PROBLEM_TEXT_MAX} 个字` })
  description?: string;

  @ApiPropertyOptional()
  @IfPresent()
  @CleanText()
  @IsString({ message: '责任单位应为单位名称' })
  @MinLength(2, { message: '责任单位至少 2 个字' })
  @MaxLength(200, { message: '责任单位最多 200 个字' })
  ownerUnit?: string;

  @ApiPropertyOptional({ example: '2025-12-31' })
  @IfPresent()
  @IsString({ message: '完成时限应为年-月-日，例如 2025-12-31' })
  @Matches(DATE_PATTERN, { message: '完成时限应为年-月-日，例如 2025-12-31' })
  dueDate?: string;
}

export class ProblemTransitionDto implements ProblemTransitionRequest {
  @ApiProperty({ enum: PROBLEM_STATUSES })
  @IsIn(PROBLEM_STATUSES as unknown as string[], { message: '目标状态应为 open（待处理）、in_progress（处理中）、closed（已销号）之一' })
  to!: ProblemStatus;

  @ApiPropertyOptional({ description: 'Closing note (required to close), reason (required to reopen)', maxLength: PROBLEM_TEXT_MAX })
  @IsOptional()
  @CleanText()
  @IsString({ message: '说明应为文字' })
  @MaxLength(PROBLEM_TEXT_MAX, { message: `说明最多 ${PROBLEM_TEXT_MAX} 个字` })
  note?: string;
}
