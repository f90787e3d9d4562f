import { describe, expect, it } from 'vitest';
import { isLockConflict, PeriodLockDeadlock, retryLockDeadlocks } from './period-locks';

const deadlock = () => new PeriodLockDeadlock(Object.assign(new Error('Deadlock found'), { errno: 1213, code: 'ER_LOCK_DEADLOCK' }));

describe('retryLockDeadlocks', () => {
  it('runs the transaction again after a deadlock over the period locks', async () => {
    let calls = 0;
    const result = await retryLockDeadlocks(async () => {
      calls++;
      if (calls < 3) throw deadlock();
      return 'done';
    });
    expect({ result, calls }).toEqual({ result: 'done', calls: 3 });
  });

  it('does not run it again after any other error', async () => {
    let calls = 0;
    const failure = Object.assign(new Error('Lock wait timeout exceeded'), { errno: 1205 });
    await expect(
      retryLockDeadlocks(async () => {
        calls++;
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(calls).toBe(1);
  });

  it('gives up after the attempts, with an error that reads as a lock conflict', async () => {
    let calls = 0;
    const error = await retryLockDeadlocks(async () => {
      calls++;
      throw deadlock();
    }, 3).catch((e: unknown) => e);
    expect(calls).toBe(3);
    expect(error).toBeInstanceOf(PeriodLockDeadlock);
    expect(isLockConflict(error)).toBe(true);
  });
});

describe('isLockConflict', () => {
  it('recognises lock waits, deadlocks and a busy SQLite, directly or wrapped by the driver', () => {
    expect(isLockConflict({ errno: 1205 })).toBe(true);
    expect(isLockConflict({ driverError: { code: 'ER_LOCK_DEADLOCK' } })).toBe(true);
    expect(isLockConflict({ code: 'SQLITE_BUSY' })).toBe(true);
    expect(isLockConflict(new Error('Duplicate entry'))).toBe(false);
  });
});
