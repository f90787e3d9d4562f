import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { AUDIT_ACTIONS, AUDIT_RESULTS, type AuditAction, type AuditResult } from '@im/contracts';

export class AuditQuery {
  @ApiPropertyOptional({ description: 'From (inclusive), ISO time or date, UTC', example: '2025-01-01' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'from 应为日期时间（ISO 8601）' })
  from?: string;

  @ApiPropertyOptional({ description: 'To (exclusive), ISO time or date, UTC', example: '2025-02-01' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'to 应为日期时间（ISO 8601）' })
  to?: string;

  @ApiPropertyOptional({ description: 'User name (exact)' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  username?: string;

  @ApiPropertyOptional({ enum: AUDIT_ACTIONS })
  @IsOptional()
  @IsIn(AUDIT_ACTIONS as unknown as string[], { message: '未知的操作类型' })
  action?: AuditAction;

  @ApiPropertyOptional({ enum: AUDIT_RESULTS })
  @IsOptional()
  @IsIn(AUDIT_RESULTS as unknown as string[], { message: '未知的结果' })
  result?: AuditResult;

  @ApiPropertyOptional({ description: 'Object type, e.g. user, upload_batch, target' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  objectType?: string;

  @ApiPropertyOptional({ description: 'Object id (exact)' })
  @IsOptional()
  @IsString()
  @MaxLength(128)
  objectId?: string;

  @ApiPropertyOptional({ description: 'Client IP address (exact)' })
  @IsOptional()
  @Matches(/^[0-9a-fA-F:.]{2,45}$/, { message: 'ip 格式不正确' })
  ip?: string;

  @ApiPropertyOptional({ default: 1, minimum: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100_000)
  page?: number;

  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  pageSize?: number;
}
