import type { Role } from '../auth/roles.ts';

export { requireRole, type Actor } from '../actor.ts';

/** Everyone who works at the plant (all but consignees): may read and check the ledger. */
export const staffRoles: readonly Role[] = [
  'operator',
  'planner',
  'quality',
  'logistics',
  'auditor',
  'admin',
];
