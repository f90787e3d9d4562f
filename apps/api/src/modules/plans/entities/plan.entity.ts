import { Column, Entity, OneToMany, PrimaryGeneratedColumn } from 'typeorm';
import type { Target } from './target.entity';

/** A plan (规划), e.g. 十四五战新规划 2021–2025 (code xm-sei-14). */
@Entity('plan')
export class Plan {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 32, unique: true })
  code!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ name: 'name_en', type: 'varchar', length: 300, nullable: true })
  nameEn!: string | null;

  @Column({ name: 'start_year', type: 'smallint' })
  startYear!: number;

  @Column({ name: 'end_year', type: 'smallint' })
  endYear!: number;

  @Column({ name: 'owner_unit', type: 'varchar', length: 200, nullable: true })
  ownerUnit!: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  source!: string | null;

  @OneToMany('Target', (t: Target) => t.plan)
  targets?: Target[];
}
