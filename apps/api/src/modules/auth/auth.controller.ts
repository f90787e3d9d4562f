import { Body, Controller, Get, HttpCode, HttpStatus, Patch, Post, Req, Res } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { AuthSessionDto } from '@im/contracts';
import { type AuthContext, CurrentAuth } from '../../core/security/auth-context';
import { Public, SignedIn } from '../../core/security/policy.decorator';
import { AuthService } from './auth.service';
import { ChangePasswordDto } from './dto/change-password.dto';
import { LoginDto } from './dto/login.dto';
import { UpdateProfileDto } from './dto/update-profile.dto';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @Public()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Sign in: sets the HttpOnly session cookie; returns the user and the CSRF token for X-CSRF-Token' })
  @ApiOkResponse({ description: 'AuthSessionDto' })
  @ApiUnauthorizedResponse({ description: 'AUTH_INVALID_CREDENTIALS (the same for an unknown name and a wrong password)' })
  @ApiTooManyRequestsResponse({ description: 'AUTH_THROTTLED, with Retry-After' })
  login(@Body() body: LoginDto, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<AuthSessionDto> {
    return this.auth.login(body, req, res);
  }

  @Post('logout')
  @SignedIn()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Sign out: ends the session on the server and clears the cookie' })
  @ApiNoContentResponse()
  logout(@CurrentAuth() auth: AuthContext, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    return this.auth.logout(auth, req, res);
  }

  @Get('me')
  @SignedIn()
  @ApiOperation({ summary: 'The signed-in user (role, district, led industries, capabilities) and the session’s CSRF token' })
  @ApiOkResponse({ description: 'AuthSessionDto' })
  me(@CurrentAuth() auth: AuthContext): Promise<AuthSessionDto> {
    return this.auth.me(auth);
  }

  @Patch('me')
  @SignedIn()
  @ApiOperation({ summary: 'Change the own display name (role, district and industries are set by an admin only)' })
  @ApiOkResponse({ description: 'AuthSessionDto' })
  updateProfile(@CurrentAuth() auth: AuthContext, @Body() body: UpdateProfileDto): Promise<AuthSessionDto> {
    return this.auth.updateProfile(auth, body.displayName);
  }

  @Post('password')
  @SignedIn()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Change the own password: every session of the user ends; this browser gets a new session and CSRF token' })
  @ApiOkResponse({ description: 'AuthSessionDto' })
  changePassword(@CurrentAuth() auth: AuthContext, @Body() body: ChangePasswordDto, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<AuthSessionDto> {
    return this.auth.changePassword(auth, body, req, res);
  }
}
