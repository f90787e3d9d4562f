import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import type { CreateTargetRequest, TargetComparator, TargetKind, TargetSubjectType, UpdateTargetRequest } from '@im/contracts';
import { CODE_PATTERN, DECIMAL_PATTERN, DecimalText, MAX_YEAR, MIN_YEAR, Trim, TrimToNull } from './field-transforms';

const SUBJECT_TYPES: TargetSubjectType[] = ['city', 'industry', 'region'];
const KINDS: TargetKind[] = ['level', 'share', 'count'];
const COMPARATORS: TargetComparator[] = ['gte', 'gt'];
const YEAR_MESSAGE = `应为 ${MIN_YEAR}–${MAX_YEAR} 之间的整数年份`;
const DECIMAL_MESSAGE = '应为正的十进制数，如 "7000" 或 "3.5"';

/**
 * A target as sent by the admin pages. Field formats are checked here; the rules between fields and
 * the catalog codes are checked by the service (targets-csv/validate-target.ts), the same rules as
 * for an imported CSV file.
 */
export class CreateTargetDto implements CreateTargetRequest {
  @ApiProperty({ description: 'stable code within the plan: lower-case letters, digits, . _ - (max 64)', example: 'xm-sei-14.bio-scale' })
  @Trim()
  @IsString({ message: '目标代码(code)不能为空' })
  @MaxLength(64, { message: '目标代码(code)最多 64 个字符' })
  @Matches(CODE_PATTERN, { message: '目标代码(code)只能由小写字母、数字和 . _ - 组成，并以字母或数字开头' })
  code!: string;

  @ApiProperty({ example: '生物医药与健康产业总规模' })
  @Trim()
  @IsString({ message: '目标名称(name)不能为空' })
  @MinLength(1, { message: '目标名称(name)不能为空' })
  @MaxLength(200, { message: '目标名称(name)最多 200 个字' })
  name!: string;

  @ApiProperty({ enum: SUBJECT_TYPES, description: 'city: the whole city; industry: an industry node (optionally in a region); region: a district, zone or park' })
  @IsIn(SUBJECT_TYPES, { message: '对象类型(subjectType)应为 city、industry 或 region' })
  subjectType!: TargetSubjectType;

  @ApiPropertyOptional({ nullable: true, description: 'industry node code (catalog)', example: 'sei.bio' })
  @TrimToNull()
  @IsOptional()
  @IsString({ message: '产业代码(industryCode)应为文字' })
  @MaxLength(64, { message: '产业代码(industryCode)最多 64 个字符' })
  industryCode?: string | null;

  @ApiPropertyOptional({ nullable: true, description: 'region code (catalog); empty = the city', example: 'xm' })
  @TrimToNull()
  @IsOptional()
  @IsString({ message: '区域代码(regionCode)应为文字' })
  @MaxLength(64, { message: '区域代码(regionCode)最多 64 个字符' })
  regionCode?: string | null;

  @ApiProperty({ description: 'indicator code (catalog)', example: 'output' })
  @Trim()
  @IsString({ message: '指标代码(indicatorCode)不能为空' })
  @MinLength(1, { message: '指标代码(indicatorCode)不能为空' })
  @MaxLength(48, { message: '指标代码(indicatorCode)最多 48 个字符' })
  indicatorCode!: string;

  @ApiPropertyOptional({ nullable: true, description: 'share targets: denominator industry node', example: null })
  @TrimToNull()
  @IsOptional()
  @IsString({ message: '分母产业代码(denominatorIndustryCode)应为文字' })
  @MaxLength(64, { message: '分母产业代码(denominatorIndustryCode)最多 64 个字符' })
  denominatorIndustryCode?: string | null;

  @ApiPropertyOptional({ nullable: true, description: 'share targets: denominator region', example: 'xm' })
  @TrimToNull()
  @IsOptional()
  @IsString({ message: '分母区域代码(denominatorRegionCode)应为文字' })
  @MaxLength(64, { message: '分母区域代码(denominatorRegionCode)最多 64 个字符' })
  denominatorRegionCode?: string | null;

  @ApiPropertyOptional({ nullable: true, description: 'share targets: denominator indicator (required for share)', example: 'gdp' })
  @TrimToNull()
  @IsOptional()
  @IsString({ message: '分母指标代码(denominatorIndicatorCode)应为文字' })
  @MaxLength(48, { message: '分母指标代码(denominatorIndicatorCode)最多 48 个字符' })
  denominatorIndicatorCode?: string | null;

  @ApiProperty({ enum: KINDS, description: 'level: value ≥ target; share: numerator / denominator ≥ x %; count: count ≥ n' })
  @IsIn(KINDS, { message: '目标类型(kind)应为 level、share 或 count' })
  kind!: TargetKind;

  @ApiPropertyOptional({ enum: COMPARATORS, default: 'gte', description: 'gte 达到 (≥), gt 超过 (>)' })
  @IsOptional()
  @IsIn(COMPARATORS, { message: '比较方式(comparator)应为 gte 或 gt' })
  comparator?: TargetComparator;

  @ApiProperty({ type: String, description: 'positive exact decimal in `unit` (max 4 decimals)', example: '1500' })
  @DecimalText()
  @IsString({ message: `目标值(targetValue)${DECIMAL_MESSAGE}` })
  @MaxLength(20, { message: '目标值(targetValue)太长' })
  @Matches(DECIMAL_PATTERN, { message: `目标值(targetValue)${DECIMAL_MESSAGE}` })
  targetValue!: string;

  @ApiProperty({ example: 2025 })
  @IsInt({ message: `目标年份(targetYear)${YEAR_MESSAGE}` })
  @Min(MIN_YEAR, { message: `目标年份(targetYear)${YEAR_MESSAGE}` })
  @Max(MAX_YEAR, { message: `目标年份(targetYear)${YEAR_MESSAGE}` })
  targetYear!: number;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'positive exact decimal in `unit`', example: '776' })
  @DecimalText()
  @IsOptional()
  @IsString({ message: `基期值(baselineValue)${DECIMAL_MESSAGE}` })
  @MaxLength(20, { message: '基期值(baselineValue)太长' })
  @Matches(DECIMAL_PATTERN, { message: `基期值(baselineValue)${DECIMAL_MESSAGE}` })
  baselineValue?: string | null;

  @ApiPropertyOptional({ nullable: true, example: 2020 })
  @IsOptional()
  @IsInt({ message: `基期年份(baselineYear)${YEAR_MESSAGE}` })
  @Min(MIN_YEAR, { message: `基期年份(baselineYear)${YEAR_MESSAGE}` })
  @Max(MAX_YEAR, { message: `基期年份(baselineYear)${YEAR_MESSAGE}` })
  baselineYear?: number | null;

  @ApiPropertyOptional({ nullable: true, description: 'when the baseline has another scope than the target', example: '生物医药与健康产业产值' })
  @TrimToNull()
  @IsOptional()
  @IsString({ message: '基期口径说明(baselineScopeLabel)应为文字' })
  @MaxLength(200, { message: '基期口径说明(baselineScopeLabel)最多 200 个字' })
  baselineScopeLabel?: string | null;

  @ApiProperty({ description: 'unit of the values: 亿元/万元/元 for money, % for shares, else the indicator’s unit (家, 个 …)', example: '亿元' })
  @Trim()
  @IsString({ message: '单位(unit)不能为空' })
  @MinLength(1, { message: '单位(unit)不能为空' })
  @MaxLength(24, { message: '单位(unit)最多 24 个字' })
  unit!: string;

  @ApiPropertyOptional({ nullable: true, example: '004' })
  @TrimToNull()
  @IsOptional()
  @IsString({ message: '来源文件(sourceDocument)应为文字' })
  @MaxLength(200, { message: '来源文件(sourceDocument)最多 200 个字' })
  sourceDocument?: string | null;

  @ApiPropertyOptional({ nullable: true, example: '第四章 第二节' })
  @TrimToNull()
  @IsOptional()
  @IsString({ message: '来源条款(sourceArticle)应为文字' })
  @MaxLength(200, { message: '来源条款(sourceArticle)最多 200 个字' })
  sourceArticle?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @TrimToNull()
  @IsOptional()
  @IsString({ message: '备注(note)应为文字' })
  @MaxLength(1000, { message: '备注(note)最多 1000 个字' })
  note?: string | null;
}

/** PATCH: only the fields sent change; `null` clears an optional field. The code never changes. */
export class UpdateTargetDto extends PartialType(OmitType(CreateTargetDto, ['code'] as const)) implements UpdateTargetRequest {}
