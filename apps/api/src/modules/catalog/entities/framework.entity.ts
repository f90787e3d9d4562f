import { Column, Entity, OneToMany, PrimaryGeneratedColumn } from 'typeorm';
import type { IndustryNode } from './industry-node.entity';

/** A classification framework (产业体系): xm-446, xm-sei-5x, fj-coord, gbt4754. */
@Entity('framework')
export class Framework {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 32, unique: true })
  code!: string;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @Column({ name: 'name_en', type: 'varchar', length: 200, nullable: true })
  nameEn!: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  description!: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  source!: string | null;

  @OneToMany('IndustryNode', (n: IndustryNode) => n.framework)
  nodes?: IndustryNode[];
}
