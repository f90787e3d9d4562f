import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import type { CsvEncodingOption } from '../targets-csv/decode-csv';

const ENCODINGS: CsvEncodingOption[] = ['auto', 'utf-8', 'gbk'];

export class ImportTargetsQuery {
  @ApiPropertyOptional({ type: Boolean, default: false, description: 'validate and report what would change, write nothing' })
  @Transform(({ value }: { value: unknown }) => (value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value))
  @IsOptional()
  @IsBoolean({ message: 'dryRun 应为 true 或 false' })
  dryRun?: boolean;

  @ApiPropertyOptional({ enum: ENCODINGS, default: 'auto', description: 'auto: UTF-8 (with or without BOM) when valid, else GBK' })
  @IsOptional()
  @IsIn(ENCODINGS, { message: 'encoding 应为 auto、utf-8 或 gbk' })
  encoding?: CsvEncodingOption;
}
