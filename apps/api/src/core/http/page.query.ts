import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** `?page=&pageSize=` of a paginated list (1-based pages, 1–200 rows a page); list queries extend it. */
export class PageQuery {
  @ApiPropertyOptional({ default: 1, minimum: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'page 应为正整数' })
  @Min(1, { message: 'page 应为正整数' })
  @Max(100_000, { message: 'page 太大' })
  page?: number;

  @ApiPropertyOptional({ default: 20, minimum: 1, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'pageSize 应为 1–200 的整数' })
  @Min(1, { message: 'pageSize 应为 1–200 的整数' })
  @Max(200, { message: 'pageSize 应为 1–200 的整数' })
  pageSize?: number;
}
