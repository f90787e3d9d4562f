import type { MigrationInterface, QueryRunner } from 'typeorm';

export class BriefStorage1795306080299 implements MigrationInterface {
  name = 'BriefStorage1795306080299';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "brief" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "kind" varchar(16) NOT NULL, "year" smallint NOT NULL, "month" smallint NOT NULL, "scope" varchar(64) NOT NULL, "version" integer NOT NULL, "generated_at" datetime NOT NULL, "generation_trigger" varchar(16) NOT NULL, "generated_by" integer, "generated_by_name" varchar(64), "template_version" integer NOT NULL, "template_hash" varchar(64) NOT NULL, "content_hash" varchar(64) NOT NULL, "title" varchar(200) NOT NULL, "content_gz" text NOT NULL)`);
    await queryRunner.query(`CREATE INDEX "idx_brief_period" ON "brief" ("year", "month") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_brief_version" ON "brief" ("kind", "year", "month", "scope", "version") `);
    await queryRunner.query(`CREATE TABLE "brief_template" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "template_key" varchar(64) NOT NULL, "revision" integer NOT NULL, "text" varchar(1000) NOT NULL, "updated_by" varchar(64), "updated_at" datetime NOT NULL)`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_brief_template_revision" ON "brief_template" ("template_key", "revision") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "uq_brief_template_revision"`);
    await queryRunner.query(`DROP TABLE "brief_template"`);
    await queryRunner.query(`DROP INDEX "uq_brief_version"`);
    await queryRunner.query(`DROP INDEX "idx_brief_period"`);
    await queryRunner.query(`DROP TABLE "brief"`);
  }
}
