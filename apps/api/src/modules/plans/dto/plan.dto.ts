import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import type { CreatePlanRequest, UpdatePlanRequest } from '@im/contracts';
import { CODE_PATTERN, IfPresent, MAX_YEAR, MIN_YEAR, Trim, TrimToNull } from './field-transforms';

const YEAR_MESSAGE = `年份应为 ${MIN_YEAR}–${MAX_YEAR} 之间的整数`;

export class CreatePlanDto implements CreatePlanRequest {
  @ApiProperty({ description: 'stable code: lower-case letters, digits, . _ - (max 32)', example: 'xm-sei-15' })
  @Trim()
  @IsString({ message: '规划代码(code)不能为空' })
  @MaxLength(32, { message: '规划代码(code)最多 32 个字符' })
  @Matches(CODE_PATTERN, { message: '规划代码(code)只能由小写字母、数字和 . _ - 组成，并以字母或数字开头' })
  code!: string;

  @ApiProperty({ example: '厦门市“十五五”战略性新兴产业发展专项规划' })
  @Trim()
  @IsString({ message: '规划名称(name)不能为空' })
  @MinLength(1, { message: '规划名称(name)不能为空' })
  @MaxLength(200, { message: '规划名称(name)最多 200 个字' })
  name!: string;

  @ApiPropertyOptional({ nullable: true, example: 'Xiamen 15th Five-Year Plan for Strategic Emerging Industries' })
  @TrimToNull()
  @IsOptional()
  @IsString({ message: '英文名称(nameEn)应为文字' })
  @MaxLength(300, { message: '英文名称(nameEn)最多 300 个字符' })
  nameEn?: string | null;

  @ApiProperty({ example: 2026 })
  @IsInt({ message: `开始年份(startYear)：${YEAR_MESSAGE}` })
  @Min(MIN_YEAR, { message: `开始年份(startYear)：${YEAR_MESSAGE}` })
  @Max(MAX_YEAR, { message: `开始年份(startYear)：${YEAR_MESSAGE}` })
  startYear!: number;

  @ApiProperty({ example: 2030 })
  @IsInt({ message: `结束年份(endYear)：${YEAR_MESSAGE}` })
  @Min(MIN_YEAR, { message: `结束年份(endYear)：${YEAR_MESSAGE}` })
  @Max(MAX_YEAR, { message: `结束年份(endYear)：${YEAR_MESSAGE}` })
  endYear!: number;

  @ApiPropertyOptional({ nullable: true, example: '市发改委' })
  @TrimToNull()
  @IsOptional()
  @IsString({ message: '牵头单位(ownerUnit)应为文字' })
  @MaxLength(200, { message: '牵头单位(ownerUnit)最多 200 个字' })
  ownerUnit?: string | null;

  @ApiPropertyOptional({ nullable: true, example: '厦府〔2026〕1号' })
  @TrimToNull()
  @IsOptional()
  @IsString({ message: '来源(source)应为文字' })
  @MaxLength(300, { message: '来源(source)最多 300 个字' })
  source?: string | null;
}

/** PATCH: only the fields sent change; `null` clears an optional field. The code never changes. */
export class UpdatePlanDto implements UpdatePlanRequest {
  @ApiPropertyOptional({ example: '厦门市“十五五”战略性新兴产业发展专项规划' })
  @Trim()
  @IfPresent()
  @IsString({ message: '规划名称(name)不能为空' })
  @MinLength(1, { message: '规划名称(name)不能为空' })
  @MaxLength(200, { message: '规划名称(name)最多 200 个字' })
  name?: string;

  @ApiPropertyOptional({ nullable: true })
  @TrimToNull()
  @IsOptional()
  @IsString({ message: '英文名称(nameEn)应为文字' })
  @MaxLength(300, { message: '英文名称(nameEn)最多 300 个字符' })
  nameEn?: string | null;

  @ApiPropertyOptional({ example: 2026 })
  @IfPresent()
  @IsInt({ message: `开始年份(startYear)：${YEAR_MESSAGE}` })
  @Min(MIN_YEAR, { message: `开始年份(startYear)：${YEAR_MESSAGE}` })
  @Max(MAX_YEAR, { message: `开始年份(startYear)：${YEAR_MESSAGE}` })
  startYear?: number;

  @ApiPropertyOptional({ example: 2030 })
  @IfPresent()
  @IsInt({ message: `结束年份(endYear)：${YEAR_MESSAGE}` })
  @Min(MIN_YEAR, { message: `结束年份(endYear)：${YEAR_MESSAGE}` })
  @Max(MAX_YEAR, { message: `结束年份(endYear)：${YEAR_MESSAGE}` })
  endYear?: number;

  @ApiPropertyOptional({ nullable: true })
  @TrimToNull()
  @IsOptional()
  @IsString({ message: '牵头单位(ownerUnit)应为文字' })
  @MaxLength(200, { message: '牵头单位(ownerUnit)最多 200 个字' })
  ownerUnit?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @TrimToNull()
  @IsOptional()
  @IsString({ message: '来源(source)应为文字' })
  @MaxLength(300, { message: '来源(source)最多 300 个字' })
  source?: string | null;
}
