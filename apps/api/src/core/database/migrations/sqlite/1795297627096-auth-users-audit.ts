import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AuthUsersAudit1795297627096 implements MigrationInterface {
  name = 'AuthUsersAudit1795297627096';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "audit_log" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "occurred_at" datetime NOT NULL, "user_id" integer, "username" varchar(64), "role" varchar(16), "ip" varchar(45), "action" varchar(40) NOT NULL, "object_type" varchar(40), "object_id" varchar(128), "result" varchar(16) NOT NULL, "file_sha256" varchar(64), "correlation_id" varchar(64), "detail" text)`);
    await queryRunner.query(`CREATE INDEX "idx_audit_log_object" ON "audit_log" ("object_type", "object_id") `);
    await queryRunner.query(`CREATE INDEX "idx_audit_log_action" ON "audit_log" ("action", "occurred_at") `);
    await queryRunner.query(`CREATE INDEX "idx_audit_log_user" ON "audit_log" ("user_id", "occurred_at") `);
    await queryRunner.query(`CREATE INDEX "idx_audit_log_time" ON "audit_log" ("occurred_at") `);
    await queryRunner.query(`CREATE TABLE "login_attempt" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "username" varchar(64) NOT NULL, "ip" varchar(45) NOT NULL, "success" boolean NOT NULL, "attempted_at" datetime NOT NULL)`);
    await queryRunner.query(`CREATE INDEX "idx_login_attempt_ip" ON "login_attempt" ("ip", "attempted_at") `);
    await queryRunner.query(`CREATE INDEX "idx_login_attempt_username" ON "login_attempt" ("username", "attempted_at") `);
    await queryRunner.query(`CREATE TABLE "user_session" ("id" varchar(64) PRIMARY KEY NOT NULL, "user_id" integer NOT NULL, "csrf_token" varchar(64) NOT NULL, "created_at" datetime NOT NULL, "last_seen_at" datetime NOT NULL, "expires_at" datetime NOT NULL, "ip" varchar(45), "user_agent" varchar(255))`);
    await queryRunner.query(`CREATE INDEX "idx_user_session_expires" ON "user_session" ("expires_at") `);
    await queryRunner.query(`CREATE INDEX "idx_user_session_user" ON "user_session" ("user_id") `);
    await queryRunner.query(`CREATE TABLE "user_lead_industry" ("user_id" integer NOT NULL, "industry_node_id" integer NOT NULL, PRIMARY KEY ("user_id", "industry_node_id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_dbbf7fce93efa815713b36c48c" ON "user_lead_industry" ("user_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_c777e0b3a224e59d13f2584d7a" ON "user_lead_industry" ("industry_node_id") `);
    await queryRunner.query(`CREATE TABLE "temporary_app_user" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "username" varchar(64) NOT NULL, "display_name" varchar(100) NOT NULL, "password_hash" varchar(255), "role" varchar(16), "district_id" integer, "unit" varchar(200), "active" boolean NOT NULL DEFAULT (1), "is_demo" boolean NOT NULL DEFAULT (0), "created_at" datetime NOT NULL DEFAULT (datetime('now')), "password_changed_at" datetime, "last_login_at" datetime, "updated_at" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT "UQ_c480e576dd71729addbc2d51b67" UNIQUE ("username"), CONSTRAINT "FK_9947e925c7c9fdbdc0ff7862bfa" FOREIGN KEY ("district_id") REFERENCES "region" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`);
    await queryRunner.query(`INSERT INTO "temporary_app_user"("id", "username", "display_name", "password_hash", "role", "district_id", "unit", "active", "is_demo", "created_at") SELECT "id", "username", "display_name", "password_hash", "role", "district_id", "unit", "active", "is_demo", "created_at" FROM "app_user"`);
    await queryRunner.query(`DROP TABLE "app_user"`);
    await queryRunner.query(`ALTER TABLE "temporary_app_user" RENAME TO "app_user"`);
    await queryRunner.query(`DROP INDEX "idx_user_session_expires"`);
    await queryRunner.query(`DROP INDEX "idx_user_session_user"`);
    await queryRunner.query(`CREATE TABLE "temporary_user_session" ("id" varchar(64) PRIMARY KEY NOT NULL, "user_id" integer NOT NULL, "csrf_token" varchar(64) NOT NULL, "created_at" datetime NOT NULL, "last_seen_at" datetime NOT NULL, "expires_at" datetime NOT NULL, "ip" varchar(45), "user_agent" varchar(255), CONSTRAINT "FK_13275383dcdf095ee29f2b3455a" FOREIGN KEY ("user_id") REFERENCES "app_user" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
    await queryRunner.query(`INSERT INTO "temporary_user_session"("id", "user_id", "csrf_token", "created_at", "last_seen_at", "expires_at", "ip", "user_agent") SELECT "id", "user_id", "csrf_token", "created_at", "last_seen_at", "expires_at", "ip", "user_agent" FROM "user_session"`);
    await queryRunner.query(`DROP TABLE "user_session"`);
    await queryRunner.query(`ALTER TABLE "temporary_user_session" RENAME TO "user_session"`);
    await queryRunner.query(`CREATE INDEX "idx_user_session_expires" ON "user_session" ("expires_at") `);
    await queryRunner.query(`CREATE INDEX "idx_user_session_user" ON "user_session" ("user_id") `);
    await queryRunner.query(`DROP INDEX "IDX_dbbf7fce93efa815713b36c48c"`);
    await queryRunner.query(`DROP INDEX "IDX_c777e0b3a224e59d13f2584d7a"`);
    await queryRunner.query(`CREATE TABLE "temporary_user_lead_industry" ("user_id" integer NOT NULL, "industry_node_id" integer NOT NULL, CONSTRAINT "FK_dbbf7fce93efa815713b36c48c7" FOREIGN KEY ("user_id") REFERENCES "app_user" ("id") ON DELETE CASCADE ON UPDATE CASCADE, CONSTRAINT "FK_c777e0b3a224e59d13f2584d7a7" FOREIGN KEY ("industry_node_id") REFERENCES "industry_node" ("id") ON DELETE CASCADE ON UPDATE CASCADE, PRIMARY KEY ("user_id", "industry_node_id"))`);
    await queryRunner.query(`INSERT INTO "temporary_user_lead_industry"("user_id", "industry_node_id") SELECT "user_id", "industry_node_id" FROM "user_lead_industry"`);
    await queryRunner.query(`DROP TABLE "user_lead_industry"`);
    await queryRunner.query(`ALTER TABLE "temporary_user_lead_industry" RENAME TO "user_lead_industry"`);
    await queryRunner.query(`CREATE INDEX "IDX_dbbf7fce93efa815713b36c48c" ON "user_lead_industry" ("user_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_c777e0b3a224e59d13f2584d7a" ON "user_lead_industry" ("industry_node_id") `);
    // Append-only audit log, enforced by the embedded database itself (on MySQL: the grant in docs/SECURITY.md).
    await queryRunner.query(`CREATE TRIGGER "audit_log_no_update" BEFORE UPDATE ON "audit_log" BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`);
    await queryRunner.query(`CREATE TRIGGER "audit_log_no_delete" BEFORE DELETE ON "audit_log" BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "audit_log_no_delete"`);
    await queryRunner.query(`DROP TRIGGER "audit_log_no_update"`);
    await queryRunner.query(`DROP INDEX "IDX_c777e0b3a224e59d13f2584d7a"`);
    await queryRunner.query(`DROP INDEX "IDX_dbbf7fce93efa815713b36c48c"`);
    await queryRunner.query(`ALTER TABLE "user_lead_industry" RENAME TO "temporary_user_lead_industry"`);
    await queryRunner.query(`CREATE TABLE "user_lead_industry" ("user_id" integer NOT NULL, "industry_node_id" integer NOT NULL, PRIMARY KEY ("user_id", "industry_node_id"))`);
    await queryRunner.query(`INSERT INTO "user_lead_industry"("user_id", "industry_node_id") SELECT "user_id", "industry_node_id" FROM "temporary_user_lead_industry"`);
    await queryRunner.query(`DROP TABLE "temporary_user_lead_industry"`);
    await queryRunner.query(`CREATE INDEX "IDX_c777e0b3a224e59d13f2584d7a" ON "user_lead_industry" ("industry_node_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_dbbf7fce93efa815713b36c48c" ON "user_lead_industry" ("user_id") `);
    await queryRunner.query(`DROP INDEX "idx_user_session_user"`);
    await queryRunner.query(`DROP INDEX "idx_user_session_expires"`);
    await queryRunner.query(`ALTER TABLE "user_session" RENAME TO "temporary_user_session"`);
    await queryRunner.query(`CREATE TABLE "user_session" ("id" varchar(64) PRIMARY KEY NOT NULL, "user_id" integer NOT NULL, "csrf_token" varchar(64) NOT NULL, "created_at" datetime NOT NULL, "last_seen_at" datetime NOT NULL, "expires_at" datetime NOT NULL, "ip" varchar(45), "user_agent" varchar(255))`);
    await queryRunner.query(`INSERT INTO "user_session"("id", "user_id", "csrf_token", "created_at", "last_seen_at", "expires_at", "ip", "user_agent") SELECT "id", "user_id", "csrf_token", "created_at", "last_seen_at", "expires_at", "ip", "user_agent" FROM "temporary_user_session"`);
    await queryRunner.query(`DROP TABLE "temporary_user_session"`);
    await queryRunner.query(`CREATE INDEX "idx_user_session_user" ON "user_session" ("user_id") `);
    await queryRunner.query(`CREATE INDEX "idx_user_session_expires" ON "user_session" ("expires_at") `);
    await queryRunner.query(`ALTER TABLE "app_user" RENAME TO "temporary_app_user"`);
    await queryRunner.query(`CREATE TABLE "app_user" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "username" varchar(64) NOT NULL, "display_name" varchar(100) NOT NULL, "password_hash" varchar(255), "role" varchar(16), "district_id" integer, "unit" varchar(200), "active" boolean NOT NULL DEFAULT (1), "is_demo" boolean NOT NULL DEFAULT (0), "created_at" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT "UQ_c480e576dd71729addbc2d51b67" UNIQUE ("username"), CONSTRAINT "FK_9947e925c7c9fdbdc0ff7862bfa" FOREIGN KEY ("district_id") REFERENCES "region" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`);
    await queryRunner.query(`INSERT INTO "app_user"("id", "username", "display_name", "password_hash", "role", "district_id", "unit", "active", "is_demo", "created_at") SELECT "id", "username", "display_name", "password_hash", "role", "district_id", "unit", "active", "is_demo", "created_at" FROM "temporary_app_user"`);
    await queryRunner.query(`DROP TABLE "temporary_app_user"`);
    await queryRunner.query(`DROP INDEX "IDX_c777e0b3a224e59d13f2584d7a"`);
    await queryRunner.query(`DROP INDEX "IDX_dbbf7fce93efa815713b36c48c"`);
    await queryRunner.query(`DROP TABLE "user_lead_industry"`);
    await queryRunner.query(`DROP INDEX "idx_user_session_user"`);
    await queryRunner.query(`DROP INDEX "idx_user_session_expires"`);
    await queryRunner.query(`DROP TABLE "user_session"`);
    await queryRunner.query(`DROP INDEX "idx_login_attempt_username"`);
    await queryRunner.query(`DROP INDEX "idx_login_attempt_ip"`);
    await queryRunner.query(`DROP TABLE "login_attempt"`);
    await queryRunner.query(`DROP INDEX "idx_audit_log_time"`);
    await queryRunner.query(`DROP INDEX "idx_audit_log_user"`);
    await queryRunner.query(`DROP INDEX "idx_audit_log_action"`);
    await queryRunner.query(`DROP INDEX "idx_audit_log_object"`);
    await queryRunner.query(`DROP TABLE "audit_log"`);
  }
}
