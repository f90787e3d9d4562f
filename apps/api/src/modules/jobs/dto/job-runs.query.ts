import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { JOB_RUN_STATUSES, type JobRunStatus } from '@im/contracts';

export class JobRunsQuery {
  @ApiPropertyOptional({ description: 'Job name, e.g. completeness' })
  @IsOptional()
  @Matches(/^[a-z][a-z0-9._-]{0,63}$/, { message: '任务名 job 格式不正确' })
  job?: string;

  @ApiPropertyOptional({ enum: JOB_RUN_STATUSES })
  @IsOptional()
  @IsIn(JOB_RUN_STATUSES as unknown as string[], { message: '未知的运行状态 status' })
  status?: JobRunStatus;

  @ApiPropertyOptional({ default: 1, minimum: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '页码 page 应为整数' })
  @Min(1, { message: '页码 page 至少为 1' })
  @Max(100_000, { message: '页码 page 过大' })
  page?: number;

  @ApiPropertyOptional({ default: 20, minimum: 1, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '每页条数 pageSize 应为整数' })
  @Min(1, { message: '每页条数 pageSize 至少为 1' })
  @Max(100, { message: '每页条数 pageSize 至多为 100' })
  pageSize?: number;
}
