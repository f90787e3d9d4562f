import { Module } from '@nestjs/common';
import { ObservationsModule } from '../observations/observations.module';
import { RegionsController } from './regions.controller';
import { RegionsService } from './regions.service';

@Module({
  imports: [ObservationsModule],
  controllers: [RegionsController],
  providers: [RegionsService],
})
export class RegionsModule {}
