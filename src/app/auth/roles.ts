/**
 * The roles of the plant's people. A user has exactly one; every HTTP route names the roles that may
 * call it.
 *
 * @example
 * isRole('quality'); // true
 * staff.includes('consignee'); // false
 */
export const roles = [
  'operator',
  'planner',
  'quality',
  'logistics',
  'auditor',
  'admin',
  'consignee',
] as const;

export type Role = (typeof roles)[number];

export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}

/** Everyone who signs in. */
export const everyone: readonly Role[] = roles;

/** The plant's own people and the auditor: everyone but a consignee. */
export const staff: readonly Role[] = ['operator', 'planner', 'quality', 'logistics', 'auditor', 'admin'];

/** The plant's own people who may write records (the auditor writes nothing). */
export const writers: readonly Role[] = ['operator', 'planner', 'quality', 'logistics', 'admin'];
