// The roles come from the server's own list (a pure module), so the dashboard cannot drift from it.
export { roles, staff, everyone, type Role } from '../../../src/app/auth/roles.ts';
