import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Region } from '../../catalog/entities/region.entity';

export type UserRole = 'admin' | 'statistician' | 'leader' | 'lead_unit' | 'district';

/** A user with one role; district users have one district. Authentication comes with the roles issue. */
@Entity('app_user')
export class User {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 64, unique: true })
  username!: string;

  @Column({ name: 'display_name', type: 'varchar', length: 100 })
  displayName!: string;

  @Column({ name: 'password_hash', type: 'varchar', length: 255, nullable: true })
  passwordHash!: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  role!: UserRole | null;

  @Column({ name: 'district_id', type: 'int', nullable: true })
  districtId!: number | null;

  @ManyToOne('Region', { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'district_id' })
  district?: Region | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  unit!: string | null;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @Column({ name: 'is_demo', type: 'boolean', default: false })
  isDemo!: boolean;

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;
}
