import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Industry node → each of its ancestors and itself (depth 0), rebuilt from `industry_node` before a rollup refresh. */
@Entity('rollup_industry_closure')
export class RollupIndustryClosure {
  @PrimaryColumn({ name: 'descendant_id', type: 'int' })
  descendantId!: number;

  @PrimaryColumn({ name: 'ancestor_id', type: 'int' })
  ancestorId!: number;

  @Column({ type: 'smallint' })
  depth!: number;
}
