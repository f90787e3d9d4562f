import { Column, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { IndustryNode } from '../../catalog/entities/industry-node.entity';

/**
 * What a monthly note and a problem both are: a record about one industry node in one month (the month
 * it was written for, or raised in). Not an entity itself: its columns belong to each table.
 */
export abstract class IndustryMonthRecord {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'industry_node_id', type: 'int' })
  industryNodeId!: number;

  @ManyToOne('IndustryNode', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'industry_node_id' })
  industry?: IndustryNode;

  @Column({ name: 'period_year', type: 'smallint' })
  periodYear!: number;

  @Column({ name: 'period_month', type: 'smallint' })
  periodMonth!: number;
}
