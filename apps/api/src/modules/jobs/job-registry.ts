import { Injectable, Logger } from '@nestjs/common';
import type { JobDefinition } from './job-definition';

/**
 * Where modules register the jobs they want run on a schedule (in their `onModuleInit`). The registry
 * keeps the definitions; the JobRunner schedules them at application bootstrap, claims each tick
 * once across API instances and records the run history.
 */
@Injectable()
export class JobRegistry {
  private readonly logger = new Logger(JobRegistry.name);
  private readonly definitions = new Map<string, JobDefinition>();
  private readonly listeners: ((definition: JobDefinition) => void)[] = [];

  /** Adds a job; a second registration under the same name replaces the first (and says so). */
  register(definition: JobDefinition): void {
    if (this.definitions.has(definition.name)) this.logger.warn(`job ${definition.name} registered twice; the last one wins`);
    this.definitions.set(definition.name, definition);
    for (const listener of this.listeners) listener(definition);
  }

  /** Called for every later registration (the JobRunner schedules jobs registered after start). */
  onRegister(listener: (definition: JobDefinition) => void): void {
    this.listeners.push(listener);
  }

  get(name: string): JobDefinition | undefined {
    return this.definitions.get(name);
  }

  all(): JobDefinition[] {
    return [...this.definitions.values()].sort((a, b) => a.name.localeCompare(b.name));
  }
}
