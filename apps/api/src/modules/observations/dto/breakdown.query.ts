import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import type { BreakdownBy } from '@im/contracts';
import { CODE, MONTH } from './query-patterns';

export const BREAKDOWN_BY: readonly BreakdownBy[] = ['industry', 'district', 'park', 'enterprise'];

export class BreakdownQuery {
  @ApiProperty({ enum: BREAKDOWN_BY, description: 'what the parent is broken down into' })
  @IsIn(BREAKDOWN_BY as BreakdownBy[], { message: 'by 应为 industry、district、park 或 enterprise' })
  by!: BreakdownBy;

  @ApiPropertyOptional({
    description:
      'by=industry: the industry node whose sub-nodes are listed (or give `framework` for its top-level industries); by=district: the city (default); by=park: the city (default), a district or a zone; by=enterprise: the industry node whose key enterprises are ranked (default: the `scope`)',
    example: 'sei.ngit',
  })
  @IsOptional()
  @Matches(CODE, { message: '上级代码 parent 格式不正确' })
  parent?: string;

  @ApiPropertyOptional({ description: 'by=district|park: the industry compared (default: the sum over `scope`)', example: 'sei.bio' })
  @IsOptional()
  @Matches(CODE, { message: '产业代码 industry 格式不正确' })
  industry?: string;

  @ApiPropertyOptional({ description: 'by=industry|enterprise: region of the figures (default: the city)', example: 'xm.haicang' })
  @IsOptional()
  @Matches(CODE, { message: '区域代码 region 格式不正确' })
  region?: string;

  @ApiPropertyOptional({ description: 'only this indicator (default: each node in its own indicator, as 产业规模 sums 产值 and 营收 sub-fields)', example: 'output' })
  @IsOptional()
  @Matches(CODE, { message: '指标代码 indicator 格式不正确' })
  indicator?: string;

  @ApiPropertyOptional({ description: 'by=industry without parent: the framework whose top-level industries are listed', example: 'xm-sei-5x' })
  @IsOptional()
  @Matches(CODE, { message: '产业体系代码 framework 格式不正确' })
  framework?: string;

  @ApiPropertyOptional({ description: 'industry scope summed when no single industry is chosen', example: 'sei5' })
  @IsOptional()
  @Matches(CODE, { message: '产业范围 scope 格式不正确' })
  scope?: string;

  @ApiPropertyOptional({ description: 'month, YYYY-MM (default: the latest month with data); the YTD is 1–this month', example: '2025-10' })
  @IsOptional()
  @Matches(MONTH, { message: '期间 period 应为 YYYY-MM 格式' })
  period?: string;

  @ApiPropertyOptional({ description: 'by=enterprise: how many enterprises (1–100, default 10)', example: 10 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit 应为整数' })
  @Min(1, { message: 'limit 最小为 1' })
  @Max(100, { message: 'limit 最大为 100' })
  limit?: number;
}
