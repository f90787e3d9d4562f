import type { MigrationClass } from '../migration-class';
import { TargetForeignKeys1795308254053 } from './1795308254053-target-foreign-keys';
import { JobsMonitoring1795306301069 } from './1795306301069-jobs-monitoring';
import { NotesProblems1795306197182 } from './1795306197182-notes-problems';
import { BriefStorage1795306084750 } from './1795306084750-brief-storage';
import { DashboardEnterprisePoints1795299396508 } from './1795299396508-dashboard-enterprise-points';
import { DashboardRollups1795297675181 } from './1795297675181-dashboard-rollups';
import { AuthUsersAudit1795297629182 } from './1795297629182-auth-users-audit';
import { UploadPipeline1795297238589 } from './1795297238589-upload-pipeline';
import { InitialSchema1795296441346 } from './1795296441346-initial-schema';

export const MYSQL_MIGRATIONS: MigrationClass[] = [InitialSchema1795296441346, UploadPipeline1795297238589, AuthUsersAudit1795297629182, DashboardRollups1795297675181, DashboardEnterprisePoints1795299396508, BriefStorage1795306084750, NotesProblems1795306197182, JobsMonitoring1795306301069, TargetForeignKeys1795308254053];
