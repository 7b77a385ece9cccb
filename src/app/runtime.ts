import { randomUUID } from 'node:crypto';
import type { Clock, IdGenerator } from '../domain/clock.ts';

/** The wall clock, for records kept in `real` clock mode. */
export const systemClock: Clock = { now: () => new Date() };

/** Random, collision-free ids for production use. */
export const randomIds: IdGenerator = {
  next: (prefix: string) => `${prefix}-${randomUUID()}`,
};
