import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import type { PlanDto } from '@im/contracts';
import { Plan } from './entities/plan.entity';
import { PlansException } from './plans.exception';
import { toPlanDto } from './plans.mapper';

/** Plans, targets and annual targets (CRUD and CSV import/export). */
@Injectable()
export class PlansService {
  constructor(@InjectRepository(Plan) private readonly plans: Repository<Plan>) {}

  async listPlans(): Promise<PlanDto[]> {
    return (await this.plans.find({ order: { startYear: 'DESC', code: 'ASC' } })).map(toPlanDto);
  }

  async planByCode(code: string): Promise<Plan> {
    const plan = await this.plans.findOneBy({ code });
    if (!plan) throw PlansException.planNotFound(code);
    return plan;
  }
}
