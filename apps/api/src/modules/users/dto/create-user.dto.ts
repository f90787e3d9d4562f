import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { type CreateUserRequest, USER_ROLES, type UserRole } from '@im/contracts';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const lower = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value);

export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{1,63}$/;

/**
 * The fields an admin may set when creating a user — and only these: the global ValidationPipe
 * rejects any other field (isDemo, passwordHash, createdBy, active …) with 400.
 */
export class CreateUserDto implements CreateUserRequest {
  @ApiProperty({ example: 'siming01', description: '2–64 characters a–z 0–9 . _ - (stored in lower case)' })
  @Transform(lower)
  @IsString()
  @Matches(USERNAME_PATTERN, { message: '用户名须为 2–64 位小写字母、数字或 . _ -，以字母或数字开头' })
  username!: string;

  @ApiProperty({ example: '思明区工信局' })
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: '请输入姓名或单位名称' })
  @MaxLength(100)
  displayName!: string;

  @ApiProperty({ format: 'password', description: 'initial password (password rules apply)' })
  @IsString()
  @MaxLength(256)
  password!: string;

  @ApiProperty({ enum: USER_ROLES })
  @IsIn(USER_ROLES as unknown as string[], { message: '角色应为 admin、statistician、leader、lead_unit、district 之一' })
  role!: UserRole;

  @ApiPropertyOptional({ example: 'xm.siming', description: 'district or development zone (role district only)', nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  districtCode?: string | null;

  @ApiPropertyOptional({ example: ['sei.ngit'], description: 'industries led (role lead_unit only)', type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(64, { each: true })
  leadIndustryCodes?: string[];

  @ApiPropertyOptional({ example: '思明区工业和信息化局', nullable: true })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  unit?: string | null;
}
