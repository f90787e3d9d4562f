import { Body, Controller, Get, HttpCode, HttpStatus, Param, ParseIntPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { UserDto } from '@im/contracts';
import { type AuthContext, CurrentAuth } from '../../core/security/auth-context';
import { Can } from '../../core/security/policy.decorator';
import { CreateUserDto } from './dto/create-user.dto';
import { ResetPasswordDto } from './dto/reset-password.dto';
import { UpdateUserDto } from './dto/update-user.dto';
import { UsersQuery } from './dto/users.query';
import { UsersService } from './users.service';

const ID = new ParseIntPipe({ errorHttpStatusCode: HttpStatus.NOT_FOUND });

/** User administration (admin only). Users are deactivated, never deleted: the audit log names them. */
@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @Can('users.manage')
  @ApiOperation({ summary: 'Users with role, district / zone and led industries (never a password hash)' })
  @ApiOkResponse({ description: 'UserDto[]' })
  list(@Query() query: UsersQuery): Promise<UserDto[]> {
    return this.users.list(query);
  }

  @Get(':id')
  @Can('users.manage')
  @ApiOperation({ summary: 'One user' })
  @ApiOkResponse({ description: 'UserDto' })
  @ApiNotFoundResponse({ description: 'USERS_NOT_FOUND' })
  get(@Param('id', ID) id: number): Promise<UserDto> {
    return this.users.get(id);
  }

  @Post()
  @Can('users.manage')
  @ApiOperation({ summary: 'Create a user (district users need districtCode, lead units leadIndustryCodes); audited' })
  @ApiCreatedResponse({ description: 'UserDto' })
  @ApiConflictResponse({ description: 'USERS_USERNAME_TAKEN' })
  create(@Body() body: CreateUserDto): Promise<UserDto> {
    return this.users.create(body);
  }

  @Patch(':id')
  @Can('users.manage')
  @ApiOperation({ summary: 'Change display name, role, district, led industries, unit or active; a role change or deactivation ends the user’s sessions; audited' })
  @ApiOkResponse({ description: 'UserDto' })
  @ApiConflictResponse({ description: 'USERS_LAST_ADMIN, USERS_SELF_CHANGE' })
  update(@Param('id', ID) id: number, @Body() body: UpdateUserDto, @CurrentAuth() auth: AuthContext): Promise<UserDto> {
    return this.users.update(id, body, auth.user.id);
  }

  @Post(':id/password')
  @Can('users.manage')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Set a new password for a user; every session of the user ends; audited' })
  @ApiOkResponse({ description: 'UserDto' })
  resetPassword(@Param('id', ID) id: number, @Body() body: ResetPasswordDto): Promise<UserDto> {
    return this.users.resetPassword(id, body.password);
  }
}
