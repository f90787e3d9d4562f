import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';

export class IndustriesQuery {
  @ApiProperty({ description: 'framework code', example: 'xm-sei-5x' })
  @IsString()
  @Matches(/^[a-z0-9.-]{1,32}$/, { message: '产业体系代码格式不正确' })
  framework!: string;
}
