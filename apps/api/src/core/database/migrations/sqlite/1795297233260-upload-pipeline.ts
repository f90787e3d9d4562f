import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Upload pipeline (issue 4): issues, changes and commit locks of upload batches; more columns on
 * upload_batch. Written by hand from the generated statements: columns are added and dropped with
 * ALTER TABLE instead of recreating upload_batch, because recreating a table that observation
 * references cannot be reverted inside a transaction (foreign_keys cannot be switched off there, and
 * SQLite rewrites the REFERENCES of other tables when the table is renamed).
 */
export class UploadPipeline1795297233260 implements MigrationInterface {
  name = 'UploadPipeline1795297233260';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "upload_change" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "batch_id" integer NOT NULL, "seq" integer NOT NULL, "kind" varchar(8) NOT NULL, "row_no" integer, "subject" varchar(300) NOT NULL, "indicator" varchar(100), "period" varchar(40), "unit" varchar(24), "fields_json" varchar(2000) NOT NULL, CONSTRAINT "FK_403141e4f7190ea1a63da08dc0d" FOREIGN KEY ("batch_id") REFERENCES "upload_batch" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
    await queryRunner.query(`CREATE INDEX "idx_upload_change_batch" ON "upload_change" ("batch_id", "seq") `);
    await queryRunner.query(`CREATE TABLE "upload_issue" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "batch_id" integer NOT NULL, "seq" integer NOT NULL, "row_no" integer, "column_name" varchar(100), "code" varchar(32) NOT NULL, "severity" varchar(8) NOT NULL, "message" varchar(500) NOT NULL, "cell_value" varchar(200), "suggestions" varchar(500), CONSTRAINT "FK_aff7922fdadc2c8e6f794c6ac32" FOREIGN KEY ("batch_id") REFERENCES "upload_batch" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
    await queryRunner.query(`CREATE INDEX "idx_upload_issue_batch" ON "upload_issue" ("batch_id", "severity", "seq") `);
    await queryRunner.query(`CREATE TABLE "upload_lock" ("dataset" varchar(32) NOT NULL, "period_year" smallint NOT NULL, "period_month" smallint NOT NULL, "batch_id" integer NOT NULL, "locked_at" datetime NOT NULL DEFAULT (datetime('now')), PRIMARY KEY ("dataset", "period_year", "period_month"))`);
    await queryRunner.query(`ALTER TABLE "upload_batch" ADD COLUMN "period_from_year" smallint`);
    await queryRunner.query(`ALTER TABLE "upload_batch" ADD COLUMN "period_from_month" smallint`);
    await queryRunner.query(`ALTER TABLE "upload_batch" ADD COLUMN "period_label" varchar(80)`);
    await queryRunner.query(`ALTER TABLE "upload_batch" ADD COLUMN "rows_data" integer NOT NULL DEFAULT (0)`);
    await queryRunner.query(`ALTER TABLE "upload_batch" ADD COLUMN "rows_excluded" integer NOT NULL DEFAULT (0)`);
    await queryRunner.query(`ALTER TABLE "upload_batch" ADD COLUMN "observations_recomputed" integer NOT NULL DEFAULT (0)`);
    await queryRunner.query(`ALTER TABLE "upload_batch" ADD COLUMN "committed_by_id" integer`);
    await queryRunner.query(`ALTER TABLE "upload_batch" ADD COLUMN "rolled_back_by_id" integer`);
    await queryRunner.query(`ALTER TABLE "upload_batch" ADD COLUMN "options_json" text`);
    await queryRunner.query(`ALTER TABLE "upload_batch" ADD COLUMN "report_json" text`);
    await queryRunner.query(`ALTER TABLE "upload_batch" ADD COLUMN "duplicate_of_id" integer`);
    await queryRunner.query(`ALTER TABLE "upload_batch" ADD COLUMN "message" varchar(500)`);
    await queryRunner.query(`ALTER TABLE "upload_batch" ADD COLUMN "commit_started_at" datetime`);
    await queryRunner.query(`CREATE INDEX "idx_upload_batch_status" ON "upload_batch" ("status") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "idx_upload_batch_status"`);
    await queryRunner.query(`ALTER TABLE "upload_batch" DROP COLUMN "commit_started_at"`);
    await queryRunner.query(`ALTER TABLE "upload_batch" DROP COLUMN "message"`);
    await queryRunner.query(`ALTER TABLE "upload_batch" DROP COLUMN "duplicate_of_id"`);
    await queryRunner.query(`ALTER TABLE "upload_batch" DROP COLUMN "report_json"`);
    await queryRunner.query(`ALTER TABLE "upload_batch" DROP COLUMN "options_json"`);
    await queryRunner.query(`ALTER TABLE "upload_batch" DROP COLUMN "rolled_back_by_id"`);
    await queryRunner.query(`ALTER TABLE "upload_batch" DROP COLUMN "committed_by_id"`);
    await queryRunner.query(`ALTER TABLE "upload_batch" DROP COLUMN "observations_recomputed"`);
    await queryRunner.query(`ALTER TABLE "upload_batch" DROP COLUMN "rows_excluded"`);
    await queryRunner.query(`ALTER TABLE "upload_batch" DROP COLUMN "rows_data"`);
    await queryRunner.query(`ALTER TABLE "upload_batch" DROP COLUMN "period_label"`);
    await queryRunner.query(`ALTER TABLE "upload_batch" DROP COLUMN "period_from_month"`);
    await queryRunner.query(`ALTER TABLE "upload_batch" DROP COLUMN "period_from_year"`);
    await queryRunner.query(`DROP TABLE "upload_lock"`);
    await queryRunner.query(`DROP INDEX "idx_upload_issue_batch"`);
    await queryRunner.query(`DROP TABLE "upload_issue"`);
    await queryRunner.query(`DROP INDEX "idx_upload_change_batch"`);
    await queryRunner.query(`DROP TABLE "upload_change"`);
  }
}
