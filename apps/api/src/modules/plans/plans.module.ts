import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogModule } from '../catalog/catalog.module';
import { ObservationsModule } from '../observations/observations.module';
import { AnnualTarget } from './entities/annual-target.entity';
import { Plan } from './entities/plan.entity';
import { Target } from './entities/target.entity';
import { PlansController } from './plans.controller';
import { PlansService } from './plans.service';
import { PlanProgressController } from './progress/plan-progress.controller';
import { TargetProgressService } from './progress/target-progress.service';

@Module({
  imports: [CatalogModule, ObservationsModule, TypeOrmModule.forFeature([Plan, Target, AnnualTarget])],
  controllers: [PlansController, PlanProgressController],
  providers: [PlansService, TargetProgressService],
  exports: [PlansService, TargetProgressService],
})
export class PlansModule {}
