import type { MigrationClass } from '../migration-class';
import { TargetForeignKeys1795308251454 } from './1795308251454-target-foreign-keys';
import { JobsMonitoring1795306298015 } from './1795306298015-jobs-monitoring';
import { NotesProblems1795306187527 } from './1795306187527-notes-problems';
import { BriefStorage1795306080299 } from './1795306080299-brief-storage';
import { DashboardEnterprisePoints1795299394333 } from './1795299394333-dashboard-enterprise-points';
import { DashboardRollups1795297664327 } from './1795297664327-dashboard-rollups';
import { AuthUsersAudit1795297627096 } from './1795297627096-auth-users-audit';
import { UploadPipeline1795297233260 } from './1795297233260-upload-pipeline';
import { InitialSchema1795296440983 } from './1795296440983-initial-schema';

export const SQLITE_MIGRATIONS: MigrationClass[] = [InitialSchema1795296440983, UploadPipeline1795297233260, AuthUsersAudit1795297627096, DashboardRollups1795297664327, DashboardEnterprisePoints1795299394333, BriefStorage1795306080299, NotesProblems1795306187527, JobsMonitoring1795306298015, TargetForeignKeys1795308251454];
