import type { MigrationInterface, QueryRunner } from 'typeorm';

export class JobsMonitoring1795306298015 implements MigrationInterface {
  name = 'JobsMonitoring1795306298015';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "job_lock" ("job_name" varchar(64) PRIMARY KEY NOT NULL, "holder" varchar(160), "locked_until" datetime)`);
    await queryRunner.query(`CREATE TABLE "job_run" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "job_name" varchar(64) NOT NULL, "slot_key" varchar(80) NOT NULL, "trigger" varchar(16) NOT NULL, "status" varchar(16) NOT NULL, "run_for" datetime NOT NULL, "started_at" datetime NOT NULL, "finished_at" datetime, "summary" varchar(500), "details_json" text, "error_message" varchar(1000), "instance_id" varchar(120) NOT NULL, "triggered_by_id" integer)`);
    await queryRunner.query(`CREATE INDEX "idx_job_run_status" ON "job_run" ("status") `);
    await queryRunner.query(`CREATE INDEX "idx_job_run_started" ON "job_run" ("job_name", "started_at") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_job_run_slot" ON "job_run" ("job_name", "slot_key") `);
    await queryRunner.query(`CREATE TABLE "alert" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "kind" varchar(32) NOT NULL, "severity" varchar(16) NOT NULL, "subject_key" varchar(200) NOT NULL, "period" varchar(7) NOT NULL, "target_code" varchar(100), "industry_node_id" integer, "region_id" integer, "district_id" integer, "title" varchar(200) NOT NULL, "body" varchar(1000) NOT NULL, "details_json" text, "created_at" datetime NOT NULL, "resolved_at" datetime, "acknowledged_at" datetime, "acknowledged_by_id" integer)`);
    await queryRunner.query(`CREATE INDEX "idx_alert_open" ON "alert" ("resolved_at", "created_at") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_alert_subject" ON "alert" ("kind", "subject_key", "period") `);
    await queryRunner.query(`CREATE TABLE "reminder" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "kind" varchar(32) NOT NULL, "period" varchar(7) NOT NULL, "subject_key" varchar(200) NOT NULL, "audience_role" varchar(16) NOT NULL, "district_id" integer, "region_id" integer, "industry_node_id" integer, "title" varchar(200) NOT NULL, "body" varchar(1000) NOT NULL, "created_at" datetime NOT NULL, "resolved_at" datetime, "dismissed_at" datetime, "dismissed_by_id" integer)`);
    await queryRunner.query(`CREATE INDEX "idx_reminder_open" ON "reminder" ("resolved_at", "audience_role") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_reminder_subject" ON "reminder" ("kind", "period", "subject_key") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "uq_reminder_subject"`);
    await queryRunner.query(`DROP INDEX "idx_reminder_open"`);
    await queryRunner.query(`DROP TABLE "reminder"`);
    await queryRunner.query(`DROP INDEX "uq_alert_subject"`);
    await queryRunner.query(`DROP INDEX "idx_alert_open"`);
    await queryRunner.query(`DROP TABLE "alert"`);
    await queryRunner.query(`DROP INDEX "uq_job_run_slot"`);
    await queryRunner.query(`DROP INDEX "idx_job_run_started"`);
    await queryRunner.query(`DROP INDEX "idx_job_run_status"`);
    await queryRunner.query(`DROP TABLE "job_run"`);
    await queryRunner.query(`DROP TABLE "job_lock"`);
  }
}
