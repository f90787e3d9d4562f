import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Region → itself (depth 0), its parents up to the city, and the development zone of a park (and the
 * zone's parents). Rebuilt from `region` before a rollup refresh.
 */
@Entity('rollup_region_closure')
export class RollupRegionClosure {
  @PrimaryColumn({ name: 'descendant_id', type: 'int' })
  descendantId!: number;

  @PrimaryColumn({ name: 'ancestor_id', type: 'int' })
  ancestorId!: number;

  @Column({ type: 'smallint' })
  depth!: number;
}
