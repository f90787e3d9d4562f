import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Granularity } from '@im/contracts';
import type { Enterprise } from '../../catalog/entities/enterprise.entity';
import type { IndustryNode } from '../../catalog/entities/industry-node.entity';
import type { Indicator } from '../../catalog/entities/indicator.entity';
import type { Region } from '../../catalog/entities/region.entity';

/**
 * A statistical series: one indicator for one subject (industry node and/or region and/or
 * enterprise) at one granularity. City-level series use the city region. `seriesKey` makes the
 * subject unique even where columns are NULL (a UNIQUE index over NULLs does not).
 */
@Entity('series')
@Index('idx_series_subject', ['indicatorId', 'industryNodeId', 'regionId'])
@Index('idx_series_region', ['regionId', 'indicatorId'])
@Index('idx_series_enterprise', ['enterpriseId'])
export class Series {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'series_key', type: 'varchar', length: 120, unique: true })
  seriesKey!: string;

  @Column({ name: 'indicator_id', type: 'int' })
  indicatorId!: number;

  @ManyToOne('Indicator', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'indicator_id' })
  indicator?: Indicator;

  @Column({ name: 'industry_node_id', type: 'int', nullable: true })
  industryNodeId!: number | null;

  @ManyToOne('IndustryNode', { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'industry_node_id' })
  industryNode?: IndustryNode | null;

  @Column({ name: 'region_id', type: 'int' })
  regionId!: number;

  @ManyToOne('Region', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'region_id' })
  region?: Region;

  @Column({ name: 'enterprise_id', type: 'int', nullable: true })
  enterpriseId!: number | null;

  @ManyToOne('Enterprise', { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'enterprise_id' })
  enterprise?: Enterprise | null;

  @Column({ type: 'varchar', length: 8 })
  granularity!: Granularity;
}

export function seriesKeyOf(s: Pick<Series, 'indicatorId' | 'industryNodeId' | 'regionId' | 'enterpriseId' | 'granularity'>): string {
  return [s.indicatorId, s.industryNodeId ?? '-', s.regionId, s.enterpriseId ?? '-', s.granularity].join('|');
}
