import { Column, Entity, Index, JoinColumn, ManyToOne, OneToMany, PrimaryGeneratedColumn } from 'typeorm';
import type { Framework } from './framework.entity';
import type { Indicator } from './indicator.entity';

/** A node of an industry tree within one framework. Codes are unique across all frameworks. */
@Entity('industry_node')
@Index('idx_industry_node_framework_parent', ['frameworkId', 'parentId', 'sortOrder'])
export class IndustryNode {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 64, unique: true })
  code!: string;

  @Column({ name: 'framework_id', type: 'int' })
  frameworkId!: number;

  @ManyToOne('Framework', (f: Framework) => f.nodes, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'framework_id' })
  framework?: Framework;

  @Column({ name: 'parent_id', type: 'int', nullable: true })
  parentId!: number | null;

  @ManyToOne('IndustryNode', (n: IndustryNode) => n.children, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'parent_id' })
  parent?: IndustryNode | null;

  @OneToMany('IndustryNode', (n: IndustryNode) => n.parent)
  children?: IndustryNode[];

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @Column({ name: 'name_en', type: 'varchar', length: 200, nullable: true })
  nameEn!: string | null;

  /** The indicator the node is measured by (产值 for manufacturing, 营收 for services). */
  @Column({ name: 'indicator_id', type: 'int', nullable: true })
  indicatorId!: number | null;

  @ManyToOne('Indicator', { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'indicator_id' })
  indicator?: Indicator | null;

  @Column({ name: 'lead_unit', type: 'varchar', length: 200, nullable: true })
  leadUnit!: string | null;

  @Column({ name: 'responsible_units', type: 'varchar', length: 1000, nullable: true })
  responsibleUnits!: string | null;

  @Column({ name: 'sort_order', type: 'int', default: 0 })
  sortOrder!: number;

  @Column({ type: 'varchar', length: 300, nullable: true })
  source!: string | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  note!: string | null;
}
