import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';

export class ProgressQuery {
  @ApiPropertyOptional({ description: 'month the figures are as of, YYYY-MM; default: the latest month with data', example: '2025-10' })
  @IsOptional()
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: '截止月份 asOf 应为 YYYY-MM 格式' })
  asOf?: string;
}
