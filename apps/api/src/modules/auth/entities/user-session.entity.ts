import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { User } from '../../users/entities/user.entity';

/**
 * A server-side session. The browser holds a random token in an HttpOnly cookie; the table keeps
 * only its SHA-256, so a copy of the table cannot be replayed as cookies. Deleting the row ends the
 * session (logout, password change, deactivation, role change).
 */
@Entity('user_session')
@Index('idx_user_session_user', ['userId'])
@Index('idx_user_session_expires', ['expiresAt'])
export class UserSession {
  /** SHA-256 (hex) of the cookie token. */
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id!: string;

  @Column({ name: 'user_id', type: 'int' })
  userId!: number;

  @ManyToOne('User', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  /** Synchronizer token the client sends in `X-CSRF-Token` with every state-changing request. */
  @Column({ name: 'csrf_token', type: 'varchar', length: 64 })
  csrfToken!: string;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt!: Date;

  /** Last request seen (updated at most once a minute); idle timeout counts from here. */
  @Column({ name: 'last_seen_at', type: 'datetime' })
  lastSeenAt!: Date;

  /** Absolute end of the session, whatever the activity. */
  @Column({ name: 'expires_at', type: 'datetime' })
  expiresAt!: Date;

  @Column({ type: 'varchar', length: 45, nullable: true })
  ip!: string | null;

  @Column({ name: 'user_agent', type: 'varchar', length: 255, nullable: true })
  userAgent!: string | null;
}
