import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A saved revision of one wording pattern of the brief. Rows are only ever added: the current text of
 * a key is its highest revision (an empty text = back to the default in code), the earlier ones stay
 * so that every change is traceable (who, when, what).
 */
@Entity('brief_template')
@Index('uq_brief_template_revision', ['key', 'revision'], { unique: true })
export class BriefTemplate {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'template_key', type: 'varchar', length: 64 })
  key!: string;

  @Column({ type: 'int' })
  revision!: number;

  /** The pattern; empty = restored to the default. */
  @Column({ type: 'varchar', length: 1000 })
  text!: string;

  @Column({ name: 'updated_by', type: 'varchar', length: 64, nullable: true })
  updatedBy!: string | null;

  @Column({ name: 'updated_at', type: 'datetime' })
  updatedAt!: Date;
}
