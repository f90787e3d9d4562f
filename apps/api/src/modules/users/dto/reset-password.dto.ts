import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import type { ResetPasswordRequest } from '@im/contracts';

export class ResetPasswordDto implements ResetPasswordRequest {
  @ApiProperty({ format: 'password', description: 'new password (password rules apply); the user’s sessions end' })
  @IsString()
  @MaxLength(256)
  password!: string;
}
