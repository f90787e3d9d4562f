import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AuthUsersAudit1795297629182 implements MigrationInterface {
  name = 'AuthUsersAudit1795297629182';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`audit_log\` (\`id\` int NOT NULL AUTO_INCREMENT, \`occurred_at\` datetime NOT NULL, \`user_id\` int NULL, \`username\` varchar(64) NULL, \`role\` varchar(16) NULL, \`ip\` varchar(45) NULL, \`action\` varchar(40) NOT NULL, \`object_type\` varchar(40) NULL, \`object_id\` varchar(128) NULL, \`result\` varchar(16) NOT NULL, \`file_sha256\` varchar(64) NULL, \`correlation_id\` varchar(64) NULL, \`detail\` text NULL, INDEX \`idx_audit_log_object\` (\`object_type\`, \`object_id\`), INDEX \`idx_audit_log_action\` (\`action\`, \`occurred_at\`), INDEX \`idx_audit_log_user\` (\`user_id\`, \`occurred_at\`), INDEX \`idx_audit_log_time\` (\`occurred_at\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`login_attempt\` (\`id\` int NOT NULL AUTO_INCREMENT, \`username\` varchar(64) NOT NULL, \`ip\` varchar(45) NOT NULL, \`success\` tinyint NOT NULL, \`attempted_at\` datetime NOT NULL, INDEX \`idx_login_attempt_ip\` (\`ip\`, \`attempted_at\`), INDEX \`idx_login_attempt_username\` (\`username\`, \`attempted_at\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`user_session\` (\`id\` varchar(64) NOT NULL, \`user_id\` int NOT NULL, \`csrf_token\` varchar(64) NOT NULL, \`created_at\` datetime NOT NULL, \`last_seen_at\` datetime NOT NULL, \`expires_at\` datetime NOT NULL, \`ip\` varchar(45) NULL, \`user_agent\` varchar(255) NULL, INDEX \`idx_user_session_expires\` (\`expires_at\`), INDEX \`idx_user_session_user\` (\`user_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`user_lead_industry\` (\`user_id\` int NOT NULL, \`industry_node_id\` int NOT NULL, INDEX \`IDX_dbbf7fce93efa815713b36c48c\` (\`user_id\`), INDEX \`IDX_c777e0b3a224e59d13f2584d7a\` (\`industry_node_id\`), PRIMARY KEY (\`user_id\`, \`industry_node_id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`ALTER TABLE \`app_user\` ADD \`password_changed_at\` datetime NULL`);
    await queryRunner.query(`ALTER TABLE \`app_user\` ADD \`last_login_at\` datetime NULL`);
    await queryRunner.query(`ALTER TABLE \`app_user\` ADD \`updated_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6)`);
    await queryRunner.query(`ALTER TABLE \`user_session\` ADD CONSTRAINT \`FK_13275383dcdf095ee29f2b3455a\` FOREIGN KEY (\`user_id\`) REFERENCES \`app_user\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`user_lead_industry\` ADD CONSTRAINT \`FK_dbbf7fce93efa815713b36c48c7\` FOREIGN KEY (\`user_id\`) REFERENCES \`app_user\`(\`id\`) ON DELETE CASCADE ON UPDATE CASCADE`);
    await queryRunner.query(`ALTER TABLE \`user_lead_industry\` ADD CONSTRAINT \`FK_c777e0b3a224e59d13f2584d7a7\` FOREIGN KEY (\`industry_node_id\`) REFERENCES \`industry_node\`(\`id\`) ON DELETE CASCADE ON UPDATE CASCADE`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`user_lead_industry\` DROP FOREIGN KEY \`FK_c777e0b3a224e59d13f2584d7a7\``);
    await queryRunner.query(`ALTER TABLE \`user_lead_industry\` DROP FOREIGN KEY \`FK_dbbf7fce93efa815713b36c48c7\``);
    await queryRunner.query(`ALTER TABLE \`user_session\` DROP FOREIGN KEY \`FK_13275383dcdf095ee29f2b3455a\``);
    await queryRunner.query(`ALTER TABLE \`app_user\` DROP COLUMN \`updated_at\``);
    await queryRunner.query(`ALTER TABLE \`app_user\` DROP COLUMN \`last_login_at\``);
    await queryRunner.query(`ALTER TABLE \`app_user\` DROP COLUMN \`password_changed_at\``);
    await queryRunner.query(`DROP INDEX \`IDX_c777e0b3a224e59d13f2584d7a\` ON \`user_lead_industry\``);
    await queryRunner.query(`DROP INDEX \`IDX_dbbf7fce93efa815713b36c48c\` ON \`user_lead_industry\``);
    await queryRunner.query(`DROP TABLE \`user_lead_industry\``);
    await queryRunner.query(`DROP INDEX \`idx_user_session_user\` ON \`user_session\``);
    await queryRunner.query(`DROP INDEX \`idx_user_session_expires\` ON \`user_session\``);
    await queryRunner.query(`DROP TABLE \`user_session\``);
    await queryRunner.query(`DROP INDEX \`idx_login_attempt_username\` ON \`login_attempt\``);
    await queryRunner.query(`DROP INDEX \`idx_login_attempt_ip\` ON \`login_attempt\``);
    await queryRunner.query(`DROP TABLE \`login_attempt\``);
    await queryRunner.query(`DROP INDEX \`idx_audit_log_time\` ON \`audit_log\``);
    await queryRunner.query(`DROP INDEX \`idx_audit_log_user\` ON \`audit_log\``);
    await queryRunner.query(`DROP INDEX \`idx_audit_log_action\` ON \`audit_log\``);
    await queryRunner.query(`DROP INDEX \`idx_audit_log_object\` ON \`audit_log\``);
    await queryRunner.query(`DROP TABLE \`audit_log\``);
  }
}
