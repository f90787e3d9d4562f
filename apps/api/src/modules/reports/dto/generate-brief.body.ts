import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import type { BriefKind, GenerateBriefRequest } from '@im/contracts';

export class GenerateBriefBody implements GenerateBriefRequest {
  @ApiProperty({ example: 2026 })
  @IsInt({ message: '年份 year 应为整数' })
  @Min(2000, { message: '年份 year 不应早于 2000' })
  @Max(2100, { message: '年份 year 不应晚于 2100' })
  year!: number;

  @ApiProperty({ example: 10, description: 'the last month of the period (1—month); 12 for the annual report' })
  @IsInt({ message: '月份 month 应为整数' })
  @Min(1, { message: '月份 month 应为 1–12' })
  @Max(12, { message: '月份 month 应为 1–12' })
  month!: number;

  @ApiPropertyOptional({ enum: ['monthly', 'annual'], default: 'monthly' })
  @IsOptional()
  @IsIn(['monthly', 'annual'], { message: '类型 kind 应为 monthly 或 annual' })
  kind?: BriefKind;
}
