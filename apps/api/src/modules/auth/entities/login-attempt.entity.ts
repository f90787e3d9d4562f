import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One login attempt, kept for the throttling window (per account and per IP address). Stored in the
 * database, not in process memory, so that any number of API instances share the limits.
 */
@Entity('login_attempt')
@Index('idx_login_attempt_username', ['username', 'attemptedAt'])
@Index('idx_login_attempt_ip', ['ip', 'attemptedAt'])
export class LoginAttempt {
  @PrimaryGeneratedColumn()
  id!: number;

  /** The name as typed, normalised (trimmed, lower case), cut to 64 characters. */
  @Column({ type: 'varchar', length: 64 })
  username!: string;

  @Column({ type: 'varchar', length: 45 })
  ip!: string;

  @Column({ type: 'boolean' })
  success!: boolean;

  @Column({ name: 'attempted_at', type: 'datetime' })
  attemptedAt!: Date;
}
