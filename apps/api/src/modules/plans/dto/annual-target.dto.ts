import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import type { PutAnnualTargetRequest } from '@im/contracts';
import { DECIMAL_PATTERN, DecimalText, TrimToNull } from './field-transforms';

export class PutAnnualTargetDto implements PutAnnualTargetRequest {
  @ApiProperty({ type: String, description: 'the year’s target, positive exact decimal in the target’s unit', example: '1050' })
  @DecimalText()
  @IsString({ message: '年度目标值(value)应为正的十进制数，如 "1050" 或 "3.2"' })
  @MaxLength(20, { message: '年度目标值(value)太长' })
  @Matches(DECIMAL_PATTERN, { message: '年度目标值(value)应为正的十进制数，如 "1050" 或 "3.2"' })
  value!: string;

  @ApiPropertyOptional({ nullable: true, example: '市政府工作报告 2023' })
  @TrimToNull()
  @IsOptional()
  @IsString({ message: '备注(note)应为文字' })
  @MaxLength(300, { message: '备注(note)最多 300 个字' })
  note?: string | null;
}
