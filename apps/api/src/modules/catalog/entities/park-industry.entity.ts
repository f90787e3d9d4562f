import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { IndustryNode } from './industry-node.entity';
import type { Region } from './region.entity';

/** Which industries a park carries (004 专栏6 and 第五章). */
@Entity('park_industry')
@Index('idx_park_industry_industry', ['industryNodeId'])
export class ParkIndustry {
  @PrimaryColumn({ name: 'park_id', type: 'int' })
  parkId!: number;

  @PrimaryColumn({ name: 'industry_node_id', type: 'int' })
  industryNodeId!: number;

  @ManyToOne('Region', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'park_id' })
  park?: Region;

  @ManyToOne('IndustryNode', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'industry_node_id' })
  industry?: IndustryNode;

  @Column({ type: 'varchar', length: 300, nullable: true })
  source!: string | null;
}
