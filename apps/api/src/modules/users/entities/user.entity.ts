import { Column, CreateDateColumn, Entity, JoinColumn, JoinTable, ManyToMany, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { UserRole } from '@im/contracts';
import type { IndustryNode } from '../../catalog/entities/industry-node.entity';
import type { Region } from '../../catalog/entities/region.entity';

export type { UserRole } from '@im/contracts';

/**
 * A user with one role. District users have one district (or development zone); lead units lead one
 * or more industries (`leadIndustries`). A user without a role, or a district user without a district,
 * sees nothing. Users are never deleted (the audit log names them): they are deactivated.
 */
@Entity('app_user')
export class User {
  @PrimaryGeneratedColumn()
  id!: number;

  /** Lower case, 2–64 characters a–z 0–9 . _ - */
  @Column({ type: 'varchar', length: 64, unique: true })
  username!: string;

  @Column({ name: 'display_name', type: 'varchar', length: 100 })
  displayName!: string;

  /** Argon2id PHC string; null = cannot sign in. */
  @Column({ name: 'password_hash', type: 'varchar', length: 255, nullable: true })
  passwordHash!: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  role!: UserRole | null;

  @Column({ name: 'district_id', type: 'int', nullable: true })
  districtId!: number | null;

  @ManyToOne('Region', { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'district_id' })
  district?: Region | null;

  /** Industries a lead unit leads (their sub-fields included in its scope). */
  @ManyToMany('IndustryNode')
  @JoinTable({ name: 'user_lead_industry', joinColumn: { name: 'user_id' }, inverseJoinColumn: { name: 'industry_node_id' } })
  leadIndustries?: IndustryNode[];

  @Column({ type: 'varchar', length: 200, nullable: true })
  unit!: string | null;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @Column({ name: 'is_demo', type: 'boolean', default: false })
  isDemo!: boolean;

  @Column({ name: 'password_changed_at', type: 'datetime', nullable: true })
  passwordChangedAt!: Date | null;

  @Column({ name: 'last_login_at', type: 'datetime', nullable: true })
  lastLoginAt!: Date | null;

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at' })
  updatedAt!: Date;
}
