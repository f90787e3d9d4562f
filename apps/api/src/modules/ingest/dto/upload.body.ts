import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { UPLOAD_DATASETS, UPLOAD_ENCODING_OVERRIDES, type UploadDataset, type UploadEncodingOverride } from '@im/contracts';

const blankToUndefined = ({ value }: { value: unknown }) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

/** Form fields sent with the file (multipart/form-data). */
export class UploadBody {
  @ApiPropertyOptional({ enum: UPLOAD_DATASETS, description: 'what the file contains; omitted = detected from the columns and row labels' })
  @Transform(blankToUndefined)
  @IsOptional()
  @IsIn(UPLOAD_DATASETS, { message: `数据集 dataset 应为 ${UPLOAD_DATASETS.join('、')} 之一` })
  dataset?: UploadDataset;

  @ApiPropertyOptional({ enum: [...UPLOAD_ENCODING_OVERRIDES, 'auto'], description: 'text encoding; omitted or auto = detected (UTF-8 when valid, else GB18030/GBK)' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' && (value.trim() === '' || value.trim().toLowerCase() === 'auto') ? undefined : typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsOptional()
  @IsIn(UPLOAD_ENCODING_OVERRIDES, { message: '编码 encoding 应为 auto、utf-8、gbk 或 gb18030' })
  encoding?: UploadEncodingOverride;

  @ApiPropertyOptional({ description: 'period of a file without a period column or title, e.g. 2025年1-5月 or 2025-05', example: '2025年1-5月' })
  @Transform(blankToUndefined)
  @IsOptional()
  @IsString({ message: '期间 period 应为文字，如 2025年1-5月' })
  @MaxLength(40, { message: '期间 period 过长' })
  period?: string;
}
