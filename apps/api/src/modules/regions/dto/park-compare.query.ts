import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, Matches, Validate, ValidatorConstraint, type ValidationArguments, type ValidatorConstraintInterface } from 'class-validator';
import { CODE, MONTH } from '../../observations/dto/query-patterns';

/** Most parks compared side by side (the page offers 2–6). */
export const MAX_COMPARED_PARKS = 6;

/** One clear message for the list of codes (missing, too many, or a malformed code). */
@ValidatorConstraint({ name: 'parkCodes' })
class ParkCodesRule implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return Array.isArray(value) && value.length >= 1 && value.length <= MAX_COMPARED_PARKS && value.every((v) => typeof v === 'string' && CODE.test(v));
  }

  defaultMessage(args: ValidationArguments): string {
    const value = args.value as unknown;
    if (!Array.isArray(value) || !value.length) return '请指定要对比的园区（codes，园区代码以逗号分隔）';
    if (value.length > MAX_COMPARED_PARKS) return `最多同时对比 ${MAX_COMPARED_PARKS} 个园区`;
    return '园区代码格式不正确';
  }
}

export class ParkCompareQuery {
  @ApiProperty({ description: `park codes, comma-separated (1–${MAX_COMPARED_PARKS})`, example: 'xm.park.software,xm.park.torch-park,xm.park.haicang-south' })
  @Transform(({ value }: { value: unknown }) =>
    (Array.isArray(value) ? value.join(',') : String(value ?? ''))
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  )
  @Validate(ParkCodesRule)
  codes!: string[];

  @ApiPropertyOptional({ description: 'month, YYYY-MM (default: the latest month with city data)', example: '2025-10' })
  @IsOptional()
  @Matches(MONTH, { message: '期间 period 应为 YYYY-MM 格式' })
  period?: string;

  @ApiPropertyOptional({ description: 'compare one industry (default: the sum over `scope`)', example: 'sei.ngit' })
  @IsOptional()
  @Matches(CODE, { message: '产业代码 industry 格式不正确' })
  industry?: string;

  @ApiPropertyOptional({ description: 'industry scope summed when no industry is chosen (default sei5)', example: 'sei5' })
  @IsOptional()
  @Matches(CODE, { message: '产业范围 scope 格式不正确' })
  scope?: string;
}
