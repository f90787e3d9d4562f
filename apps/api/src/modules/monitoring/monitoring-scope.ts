import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { AccessScope } from '../../core/security/access-scope';

/**
 * Narrows reminders and alerts (both carry `district_id`, `region_id`, `industry_node_id`) to what a
 * user may see, in SQL: admin, statistician and leader everything; a district user the rows of its
 * district or zone and their parks; a lead unit the rows of the industries it leads (and their
 * sub-fields); anyone else nothing.
 */
export function restrictMonitoringRows<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, alias: string, scope: AccessScope): SelectQueryBuilder<T> {
  if (scope.seesNothing) return qb.andWhere('1 = 0');
  if (scope.seesEverything) return qb;
  const e = scope.enterprises;
  if (e.kind === 'regions') {
    const districts = [...new Set([...e.districtIds, ...(scope.regionId !== null ? [scope.regionId] : [])])];
    const parks = [...e.parkIds];
    const parts: string[] = [];
    const params: Record<string, unknown> = {};
    if (districts.length) {
      parts.push(`${alias}.district_id IN (:...monDistricts)`, `${alias}.region_id IN (:...monDistricts)`);
      params.monDistricts = districts;
    }
    if (parks.length) {
      parts.push(`${alias}.region_id IN (:...monParks)`);
      params.monParks = parks;
    }
    return parts.length ? qb.andWhere(`(${parts.join(' OR ')})`, params) : qb.andWhere('1 = 0');
  }
  if (e.kind === 'industries') {
    return e.industryNodeIds.length ? qb.andWhere(`${alias}.industry_node_id IN (:...monIndustries)`, { monIndustries: [...e.industryNodeIds] }) : qb.andWhere('1 = 0');
  }
  return qb.andWhere('1 = 0');
}
