import { AuditLog } from '../../modules/audit/entities/audit-log.entity';
import { LoginAttempt } from '../../modules/auth/entities/login-attempt.entity';
import { UserSession } from '../../modules/auth/entities/user-session.entity';
import { Enterprise } from '../../modules/catalog/entities/enterprise.entity';
import { Framework } from '../../modules/catalog/entities/framework.entity';
import { Indicator } from '../../modules/catalog/entities/indicator.entity';
import { IndustryNode } from '../../modules/catalog/entities/industry-node.entity';
import { ParkIndustry } from '../../modules/catalog/entities/park-industry.entity';
import { Region } from '../../modules/catalog/entities/region.entity';
import { UploadBatch } from '../../modules/ingest/entities/upload-batch.entity';
import { UploadChange } from '../../modules/ingest/entities/upload-change.entity';
import { UploadIssue } from '../../modules/ingest/entities/upload-issue.entity';
import { UploadLock } from '../../modules/ingest/entities/upload-lock.entity';
import { JobLock } from '../../modules/jobs/entities/job-lock.entity';
import { JobRun } from '../../modules/jobs/entities/job-run.entity';
import { Alert } from '../../modules/monitoring/entities/alert.entity';
import { Reminder } from '../../modules/monitoring/entities/reminder.entity';
import { Observation } from '../../modules/observations/entities/observation.entity';
import { ObservationRevision } from '../../modules/observations/entities/observation-revision.entity';
import { Series } from '../../modules/observations/entities/series.entity';
import { ROLLUP_ENTITIES } from '../../modules/observations/rollups/entities';
import { NOTES_ENTITIES } from '../../modules/notes/entities';
import { AnnualTarget } from '../../modules/plans/entities/annual-target.entity';
import { Plan } from '../../modules/plans/entities/plan.entity';
import { Target } from '../../modules/plans/entities/target.entity';
import { Brief } from '../../modules/reports/entities/brief.entity';
import { BriefTemplate } from '../../modules/reports/entities/brief-template.entity';
import { User } from '../../modules/users/entities/user.entity';

/** Every entity of the schema; each module registers its own with TypeOrmModule.forFeature. */
export const ALL_ENTITIES = [
  Framework,
  Indicator,
  IndustryNode,
  Region,
  ParkIndustry,
  Enterprise,
  Plan,
  Target,
  AnnualTarget,
  User,
  UserSession,
  LoginAttempt,
  AuditLog,
  UploadBatch,
  UploadIssue,
  UploadChange,
  UploadLock,
  Series,
  Observation,
  ObservationRevision,
  ...ROLLUP_ENTITIES,
  JobRun,
  JobLock,
  Reminder,
  Alert,
  ...NOTES_ENTITIES,
  Brief,
  BriefTemplate,
];
