import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';
import type { PreviewBriefTemplateRequest, PutBriefTemplateRequest } from '@im/contracts';

export const TEMPLATE_KEY = /^[a-zA-Z.]{1,64}$/;

export class PutBriefTemplateBody implements PutBriefTemplateRequest {
  @ApiProperty({ description: 'the pattern with {placeholders}; empty restores the default', example: '同比增长{rate}%' })
  @IsString({ message: '模板内容 text 应为文字' })
  @MaxLength(1000, { message: '模板内容最多 1000 字' })
  text!: string;
}

export class PreviewBriefTemplateBody implements PreviewBriefTemplateRequest {
  @ApiProperty({ example: 'growth.up' })
  @IsString({ message: '模板名称 key 应为文字' })
  @Matches(TEMPLATE_KEY, { message: '模板名称 key 格式不正确' })
  key!: string;

  @ApiProperty({ example: '比上年同期增长{rate}%' })
  @IsString({ message: '模板内容 text 应为文字' })
  @MaxLength(1000, { message: '模板内容最多 1000 字' })
  text!: string;
}
