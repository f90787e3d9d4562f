import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export class CompletenessQuery {
  @ApiPropertyOptional({ description: 'year (default: the year of the latest data)', example: 2025 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '年份 year 应为整数' })
  @Min(1990, { message: '年份 year 不应早于 1990' })
  @Max(2100, { message: '年份 year 不应晚于 2100' })
  year?: number;
}
