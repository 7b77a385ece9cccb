import type { Command } from 'commander';
import type { CliContext } from '../context.ts';

/** A command group registers itself on the program. One file per group, listed here. */
export type RegisterCommand = (program: Command, context: CliContext) => void;

/** A command group: the top-level command names it defines, and how to load it. */
export interface CommandGroup {
  readonly names: readonly string[];
  readonly load: () => Promise<RegisterCommand>;
}

/**
 * Every command group, loaded on demand: a command loads only its own group (a server, a
 * broker and a simulator are not loaded to validate a file), so the command line starts fast.
 * Groups that add to another's command (`user passwd`) follow it in this list.
 */
export const commandGroups: readonly CommandGroup[] = [
  { names: ['db'], load: async () => (await import('./db.ts')).registerDb },
  { names: ['clock'], load: async () => (await import('./clock.ts')).registerClock },
  { names: ['user'], load: async () => (await import('./user.ts')).registerUser },
  { names: ['init'], load: async () => (await import('./init.ts')).registerInit },
  { names: ['orders'], load: async () => (await import('./orders.ts')).registerOrders },
  { names: ['schedule'], load: async () => (await import('./schedule.ts')).registerSchedule },
  { names: ['ingest'], load: async () => (await import('./ingest.ts')).registerIngest },
  { names: ['lots'], load: async () => (await import('./lots.ts')).registerLots },
  { names: ['components'], load: async () => (await import('./components.ts')).registerComponents },
  { names: ['kpi'], load: async () => (await import('./kpi.ts')).registerKpi },
  { names: ['scenario'], load: async () => (await import('./scenario.ts')).registerScenario },
  { names: ['serve'], load: async () => (await import('./serve.ts')).registerServe },
  { names: ['token'], load: async () => (await import('./token.ts')).registerToken },
  { names: ['user'], load: async () => (await import('./passwd.ts')).registerPasswd },
  { names: ['simulate'], load: async () => (await import('./simulate.ts')).registerSimulate },
  { names: ['epcis'], load: async () => (await import('./epcis.ts')).registerEpcis },
  { names: ['ledger'], load: async () => (await import('./ledger.ts')).registerLedger },
  { names: ['qa'], load: async () => (await import('./qa.ts')).registerQa },
  { names: ['pack'], load: async () => (await import('./pack.ts')).registerPack },
  { names: ['stock'], load: async () => (await import('./stock.ts')).registerStock },
  { names: ['mqtt'], load: async () => (await import('./mqtt.ts')).registerMqtt },
  { names: ['auth'], load: async () => (await import('./auth.ts')).registerAuth },
  { names: ['ship'], load: async () => (await import('./ship.ts')).registerShip },
  { names: ['approve', 'approvals'], load: async () => (await import('./approve.ts')).registerApprove },
  { names: ['trace'], load: async () => (await import('./trace.ts')).registerTrace },
  { names: ['destroy'], load: async () => (await import('./destroy.ts')).registerDestroy },
  { names: ['recall'], load: async () => (await import('./recall.ts')).registerRecall },
  { names: ['reconcile'], load: async () => (await import('./reconcile.ts')).registerReconcile },
  { names: ['report'], load: async () => (await import('./report.ts')).registerReport },
  { names: ['commission'], load: async () => (await import('./commission.ts')).registerCommission },
  { names: ['signatory'], load: async () => (await import('./signatory.ts')).registerSignatory },
  { names: ['twin'], load: async () => (await import('./twin.ts')).registerTwin },
  { names: ['start'], load: async () => (await import('./start.ts')).registerStart },
];

/**
 * The groups a command line needs: those defining its first word, or all of them (for help or
 * an unknown command, so that commander can list them or suggest the nearest).
 *
 * @example
 * groupsFor(['node', 'headstamp', 'simulate', 'plant.yaml']); // the `simulate` group only
 */
export function groupsFor(argv: readonly string[]): readonly CommandGroup[] {
  const word = argv.slice(2).find((a) => !a.startsWith('-'));
  const chosen = word === undefined ? [] : commandGroups.filter((g) => g.names.includes(word));
  return chosen.length > 0 ? chosen : commandGroups;
}
