import { Column, Entity, Index, JoinColumn, ManyToOne, OneToMany, PrimaryGeneratedColumn } from 'typeorm';
import type { RegionType } from '@im/contracts';
import { valueColumn } from '../../../core/database/decimal';

/** City → districts and development zones → parks. A park has one district and may also belong to a zone. */
@Entity('region')
@Index('idx_region_parent', ['parentId'])
export class Region {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 64, unique: true })
  code!: string;

  @Column({ type: 'varchar', length: 8 })
  type!: RegionType;

  @Column({ name: 'parent_id', type: 'int', nullable: true })
  parentId!: number | null;

  @ManyToOne('Region', (r: Region) => r.children, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'parent_id' })
  parent?: Region | null;

  @OneToMany('Region', (r: Region) => r.parent)
  children?: Region[];

  /** Development zone (火炬高新区, 自贸区) a park also belongs to. */
  @Column({ name: 'zone_id', type: 'int', nullable: true })
  zoneId!: number | null;

  @ManyToOne('Region', { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'zone_id' })
  zone?: Region | null;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @Column({ name: 'name_en', type: 'varchar', length: 200, nullable: true })
  nameEn!: string | null;

  /** Land area in 亩 (for 亩均产值), when known. */
  @Column(valueColumn({ name: 'land_area_mu' }))
  landAreaMu!: string | null;

  /** False when the documents do not say which district the park is in. */
  @Column({ name: 'district_verified', type: 'boolean', default: true })
  districtVerified!: boolean;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  note!: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  source!: string | null;
}
