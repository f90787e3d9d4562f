import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { IndicatorKind } from '@im/contracts';

/** An indicator (指标) with its storage unit: flows are summable over months and children, stocks are not. */
@Entity('indicator')
export class Indicator {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 48, unique: true })
  code!: string;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @Column({ name: 'name_en', type: 'varchar', length: 200, nullable: true })
  nameEn!: string | null;

  @Column({ type: 'varchar', length: 24 })
  unit!: string;

  @Column({ type: 'varchar', length: 8 })
  kind!: IndicatorKind;

  @Column({ type: 'smallint', default: 2 })
  decimals!: number;

  @Column({ type: 'varchar', length: 500, nullable: true })
  note!: string | null;
}
