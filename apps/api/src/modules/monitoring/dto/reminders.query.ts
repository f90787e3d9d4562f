import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';

export class RemindersQuery {
  @ApiPropertyOptional({ enum: ['open', 'all'], default: 'open', description: 'open: neither resolved nor dismissed' })
  @IsOptional()
  @IsIn(['open', 'all'], { message: 'status 应为 open 或 all' })
  status?: 'open' | 'all';

  @ApiPropertyOptional({ default: 100, minimum: 1, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '条数 limit 应为整数' })
  @Min(1, { message: '条数 limit 至少为 1' })
  @Max(500, { message: '条数 limit 至多为 500' })
  limit?: number;
}
