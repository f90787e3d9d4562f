import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsInt, IsOptional, Min } from 'class-validator';

export class CommitBody {
  @ApiPropertyOptional({ type: [Number], description: 'file rows not to store (must cover every row with an error unless excludeErrorRows)' })
  @IsOptional()
  @IsArray({ message: 'excludeRows 应为行号数组' })
  @ArrayMaxSize(1_000_000, { message: 'excludeRows 过多' })
  @IsInt({ each: true, message: 'excludeRows 中的行号应为整数' })
  @Min(1, { each: true, message: '行号应从 1 开始' })
  excludeRows?: number[];

  @ApiPropertyOptional({ description: 'leave out every row with an error (an explicit choice of the user)' })
  @IsOptional()
  @IsBoolean({ message: 'excludeErrorRows 应为 true 或 false' })
  excludeErrorRows?: boolean;
}
