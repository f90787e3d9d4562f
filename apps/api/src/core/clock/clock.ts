import { Global, Injectable, Module } from '@nestjs/common';

/**
 * The time, as one injectable: jobs, reminders, overdue flags and the brief ask it instead of calling
 * `new Date()`, so tests run them at a fixed moment (override the provider with {@link FixedClock}).
 */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}

/** A clock that says what it is told: for tests and for "run the job as of" calls. */
export class FixedClock extends Clock {
  constructor(private at: Date) {
    super();
  }

  override now(): Date {
    return new Date(this.at.getTime());
  }

  set(at: Date): void {
    this.at = at;
  }
}

@Global()
@Module({ providers: [Clock], exports: [Clock] })
export class ClockModule {}
