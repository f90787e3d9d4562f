import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { BriefKind, BriefTrigger } from '@im/contracts';

/**
 * A generated brief (月度运行简报) or annual report, one row per version: regenerating keeps every
 * earlier version; an identical content hash does not add one. The content is the brief's JSON,
 * gzip-compressed and base64-encoded (`content_gz`): TEXT holds 64 KB on MySQL, and the JSON of a
 * brief with its tables can pass that; the schema stays the same on both drivers.
 */
@Entity('brief')
@Index('uq_brief_version', ['kind', 'year', 'month', 'scope', 'version'], { unique: true })
@Index('idx_brief_period', ['year', 'month'])
export class Brief {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 16 })
  kind!: BriefKind;

  @Column({ type: 'smallint' })
  year!: number;

  @Column({ type: 'smallint' })
  month!: number;

  /** `city` or `district:<region code>`. */
  @Column({ type: 'varchar', length: 64 })
  scope!: string;

  @Column({ type: 'int' })
  version!: number;

  @Column({ name: 'generated_at', type: 'datetime' })
  generatedAt!: Date;

  @Column({ name: 'generation_trigger', type: 'varchar', length: 16 })
  trigger!: BriefTrigger;

  /** The user who asked for it (manual), null for the system (schedule, data event). */
  @Column({ name: 'generated_by', type: 'int', nullable: true })
  generatedBy!: number | null;

  @Column({ name: 'generated_by_name', type: 'varchar', length: 64, nullable: true })
  generatedByName!: string | null;

  /** Saved template revisions at generation time (0 = defaults) and the SHA-256 of the effective texts. */
  @Column({ name: 'template_version', type: 'int' })
  templateVersion!: number;

  @Column({ name: 'template_hash', type: 'varchar', length: 64 })
  templateHash!: string;

  /** SHA-256 of the content JSON: an identical regeneration is recognised by it. */
  @Column({ name: 'content_hash', type: 'varchar', length: 64 })
  contentHash!: string;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ name: 'content_gz', type: 'text' })
  contentGz!: string;
}
