import { Module } from '@nestjs/common';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';
import { UserBootstrapService } from './user-bootstrap.service';

@Module({ controllers: [UsersController], providers: [UsersService, UserBootstrapService], exports: [UsersService, UserBootstrapService] })
export class UsersModule {}
