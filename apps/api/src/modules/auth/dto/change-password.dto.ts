import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import type { ChangePasswordRequest } from '@im/contracts';

export class ChangePasswordDto implements ChangePasswordRequest {
  @ApiProperty({ format: 'password' })
  @IsString()
  @MinLength(1, { message: '请输入当前密码' })
  @MaxLength(256)
  currentPassword!: string;

  @ApiProperty({ format: 'password', description: '10–128 characters, three of: lower case, upper case, digits, symbols; not containing the user name' })
  @IsString()
  @MinLength(1, { message: '请输入新密码' })
  @MaxLength(256)
  newPassword!: string;
}
