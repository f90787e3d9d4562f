import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';

export class IdParam {
  @Type(() => Number)
  @IsInt({ message: '编号应为整数' })
  @Min(1, { message: '编号应为正整数' })
  @Max(2_147_483_647, { message: '编号过大' })
  id!: number;
}
