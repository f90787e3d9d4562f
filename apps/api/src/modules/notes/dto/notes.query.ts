import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { CleanText, INDUSTRY_CODE_PATTERN, PERIOD_PATTERN, QueryBoolean } from './transforms';
import { PageQuery } from '../../../core/http/page.query';

export class NotesQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Industry code (its sub-fields included)', example: 'sei.ngit' })
  @IsOptional()
  @Matches(INDUSTRY_CODE_PATTERN, { message: 'industry 应为产业代码，例如 sei.ngit' })
  industry?: string;

  @ApiPropertyOptional({ description: 'Month `YYYY-MM`', example: '2025-10' })
  @IsOptional()
  @Matches(PERIOD_PATTERN, { message: 'period 应为年-月，例如 2025-10' })
  period?: string;

  @ApiPropertyOptional({ description: 'Unit (exact), e.g. 市工信局' })
  @IsOptional()
  @CleanText()
  @IsString({ message: 'unit 应为单位名称' })
  @MaxLength(200, { message: 'unit 最多 200 个字' })
  unit?: string;

  @ApiPropertyOptional({ description: 'Only the notes of the signed-in user’s unit' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean({ message: 'mine 应为 true 或 false' })
  mine?: boolean;
}
