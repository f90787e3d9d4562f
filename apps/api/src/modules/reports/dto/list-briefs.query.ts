import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

export class ListBriefsQuery {
  @ApiPropertyOptional({ description: 'only this year', example: 2026 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '年份 year 应为整数' })
  @Min(2000, { message: '年份 year 不应早于 2000' })
  @Max(2100, { message: '年份 year 不应晚于 2100' })
  year?: number;

  @ApiPropertyOptional({ description: '`city` (default) or `district:<region code>`; district users always get their own district, lead units the city', example: 'district:xm.huli' })
  @IsOptional()
  @Matches(/^(city|district:[a-z0-9._-]{1,55})$/, { message: '简报范围 scope 应为 city 或 district:<区代码>' })
  scope?: string;
}
