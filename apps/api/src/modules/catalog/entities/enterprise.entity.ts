import { Column, CreateDateColumn, Entity, Index, JoinColumn, JoinTable, ManyToMany, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { IndustryNode } from './industry-node.entity';
import type { Region } from './region.entity';

/** A key enterprise, identified by its 统一社会信用代码 (validated with its check character). */
@Entity('enterprise')
@Index('idx_enterprise_park', ['parkId'])
@Index('idx_enterprise_district', ['districtId'])
export class Enterprise {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'credit_code', type: 'varchar', length: 18, unique: true })
  creditCode!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ name: 'park_id', type: 'int', nullable: true })
  parkId!: number | null;

  @ManyToOne('Region', { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'park_id' })
  park?: Region | null;

  /** District of the enterprise (denormalised from the park; the scope of district users). */
  @Column({ name: 'district_id', type: 'int', nullable: true })
  districtId!: number | null;

  @ManyToOne('Region', { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'district_id' })
  district?: Region | null;

  @ManyToMany('IndustryNode')
  @JoinTable({ name: 'enterprise_industry', joinColumn: { name: 'enterprise_id' }, inverseJoinColumn: { name: 'industry_node_id' } })
  industries?: IndustryNode[];

  /** 规模以上 */
  @Column({ name: 'above_scale', type: 'boolean', default: false })
  aboveScale!: boolean;

  /** 国家高新技术企业 */
  @Column({ type: 'boolean', default: false })
  hnte!: boolean;

  /** 专精特新"小巨人" */
  @Column({ name: 'little_giant', type: 'boolean', default: false })
  littleGiant!: boolean;

  /** 制造业单项冠军 */
  @Column({ type: 'boolean', default: false })
  champion!: boolean;

  /** 链主 */
  @Column({ name: 'chain_leader', type: 'boolean', default: false })
  chainLeader!: boolean;

  @Column({ name: 'is_demo', type: 'boolean', default: false })
  isDemo!: boolean;

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;
}
