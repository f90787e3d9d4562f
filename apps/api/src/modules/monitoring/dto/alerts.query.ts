import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';

export class AlertsQuery {
  @ApiPropertyOptional({ enum: ['open', 'unresolved', 'all'], default: 'open', description: 'open: neither resolved nor acknowledged; unresolved: acknowledged ones too' })
  @IsOptional()
  @IsIn(['open', 'unresolved', 'all'], { message: 'status 应为 open、unresolved 或 all' })
  status?: 'open' | 'unresolved' | 'all';

  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '条数 limit 应为整数' })
  @Min(1, { message: '条数 limit 至少为 1' })
  @Max(200, { message: '条数 limit 至多为 200' })
  limit?: number;
}
