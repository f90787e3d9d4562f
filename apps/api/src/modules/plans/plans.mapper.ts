import type { PlanDto } from '@im/contracts';
import type { Plan } from './entities/plan.entity';

export function toPlanDto(p: Plan): PlanDto {
  return { code: p.code, name: p.name, nameEn: p.nameEn, startYear: p.startYear, endYear: p.endYear, ownerUnit: p.ownerUnit, source: p.source };
}
