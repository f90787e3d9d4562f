import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, MaxLength, MinLength } from 'class-validator';
import type { UpdateProfileRequest } from '@im/contracts';

/** What users may change about themselves: only the display name (role, district, industries are the admin's). */
export class UpdateProfileDto implements UpdateProfileRequest {
  @ApiProperty({ example: '张三' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MinLength(1, { message: '请输入姓名' })
  @MaxLength(100, { message: '姓名不能超过 100 个字符' })
  displayName!: string;
}
