import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

const STATUSES = ['validated', 'rejected', 'duplicate', 'processing', 'committed', 'rolled_back', 'failed'];

export class ListUploadsQuery {
  @ApiPropertyOptional({ description: 'dataset code (industry-monthly, …, demo)' })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  dataset?: string;

  @ApiPropertyOptional({ enum: STATUSES })
  @IsOptional()
  @IsIn(STATUSES, { message: `状态 status 应为 ${STATUSES.join('、')} 之一` })
  status?: string;

  @ApiPropertyOptional({ default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'offset 应为整数' })
  @Min(0)
  offset?: number;

  @ApiPropertyOptional({ default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit 应为整数' })
  @Min(1)
  @Max(200, { message: 'limit 最大 200' })
  limit?: number;
}

export class IssuesQuery {
  @ApiPropertyOptional({ enum: ['error', 'warning'] })
  @IsOptional()
  @IsIn(['error', 'warning'], { message: 'severity 应为 error 或 warning' })
  severity?: 'error' | 'warning';

  @ApiPropertyOptional({ default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset?: number;

  @ApiPropertyOptional({ default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000, { message: 'limit 最大 1000' })
  limit?: number;
}

export class RevisionsQuery {
  @ApiPropertyOptional({ description: 'year', example: 2025 })
  @Type(() => Number)
  @IsInt({ message: '年份 year 应为整数' })
  @Min(1990)
  @Max(2100)
  year!: number;
}

export class RowsQuery {
  @ApiPropertyOptional({ description: 'first row (1-based, as in the file)', example: 12 })
  @Type(() => Number)
  @IsInt({ message: '行号 from 应为整数' })
  @Min(1)
  from!: number;

  @ApiPropertyOptional({ description: 'last row (at most from + 49)', example: 16 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '行号 to 应为整数' })
  @Min(1)
  to?: number;
}
