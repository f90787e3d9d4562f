import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { NOTE_TEXT_MAX, type PutMonthlyNoteRequest } from '@im/contracts';
import { CleanText } from './transforms';

export class PutMonthlyNoteDto implements PutMonthlyNoteRequest {
  @ApiProperty({ description: '工作进展', maxLength: NOTE_TEXT_MAX })
  @CleanText()
  @IsString({ message: '工作进展应为文字' })
  @MaxLength(NOTE_TEXT_MAX, { message: `工作进展最多 ${NOTE_TEXT_MAX} 个字` })
  progress!: string;

  @ApiProperty({ description: '存在问题', maxLength: NOTE_TEXT_MAX })
  @CleanText()
  @IsString({ message: '存在问题应为文字' })
  @MaxLength(NOTE_TEXT_MAX, { message: `存在问题最多 ${NOTE_TEXT_MAX} 个字` })
  problems!: string;

  @ApiProperty({ description: '意见建议', maxLength: NOTE_TEXT_MAX })
  @CleanText()
  @IsString({ message: '意见建议应为文字' })
  @MaxLength(NOTE_TEXT_MAX, { message: `意见建议最多 ${NOTE_TEXT_MAX} 个字` })
  suggestions!: string;

  @ApiPropertyOptional({ description: 'The version the edit started from; omit or null for a new note', nullable: true })
  @IsOptional()
  @IsInt({ message: 'baseVersion 应为版本号（正整数）' })
  @Min(1, { message: 'baseVersion 应为版本号（正整数）' })
  baseVersion?: number | null;
}
