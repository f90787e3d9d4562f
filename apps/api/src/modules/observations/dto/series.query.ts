import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { CODE, MONTH } from './query-patterns';

export class SeriesQuery {
  @ApiPropertyOptional({ description: 'indicator code; defaults to the industry node’s indicator', example: 'output' })
  @IsOptional()
  @Matches(CODE, { message: '指标代码格式不正确' })
  indicator?: string;

  @ApiPropertyOptional({ description: 'industry node code', example: 'sei.ngit.ic' })
  @IsOptional()
  @Matches(CODE, { message: '产业代码格式不正确' })
  industry?: string;

  @ApiPropertyOptional({ description: 'region code; defaults to the city', example: 'xm' })
  @IsOptional()
  @Matches(CODE, { message: '区域代码格式不正确' })
  region?: string;

  @ApiPropertyOptional({ description: 'first month, YYYY-MM', example: '2024-01' })
  @IsOptional()
  @Matches(MONTH, { message: '起始月份应为 YYYY-MM 格式' })
  from?: string;

  @ApiPropertyOptional({ description: 'last month, YYYY-MM', example: '2026-10' })
  @IsOptional()
  @Matches(MONTH, { message: '截止月份应为 YYYY-MM 格式' })
  to?: string;
}
