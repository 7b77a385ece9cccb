/**
 * PackML line states (ISA-TR88.00.02): the 17 states of the state model and the commands that
 * move a line between them.
 *
 * A line reports where it is; it may skip reporting an *acting* state (Starting, Holding, ...),
 * because an acting state ends by itself ("state complete") and a line that settles in Execute
 * a few milliseconds after Starting has no reason to say so. `canReach` therefore accepts a jump
 * that goes through acting states only, and refuses one that needs a command the line never got
 * (Stopped → Execute needs Reset, then Start).
 *
 * @example
 * isLegalTransition('Idle', 'Starting'); // true: the Start command
 * canReach('Idle', 'Execute'); // true: Starting completes by itself
 * canReach('Stopped', 'Execute'); // false: needs Reset and Start
 */

/** The 17 PackML states. */
export const PACKML_STATES = [
  'Stopped',
  'Starting',
  'Idle',
  'Suspending',
  'Suspended',
  'Unsuspending',
  'Execute',
  'Stopping',
  'Aborting',
  'Aborted',
  'Holding',
  'Held',
  'Unholding',
  'Completing',
  'Complete',
  'Resetting',
  'Clearing',
] as const;
export type PackMLState = (typeof PACKML_STATES)[number];

/** Commands of the state model; `StateComplete` is the acting state finishing by itself. */
export const PACKML_COMMANDS = [
  'Start',
  'Reset',
  'Hold',
  'Unhold',
  'Suspend',
  'Unsuspend',
  'Stop',
  'Abort',
  'Clear',
  'StateComplete',
] as const;
export type PackMLCommand = (typeof PACKML_COMMANDS)[number];

/**
 * Acting states end by themselves; wait states (Idle, Held, Suspended, Complete, Stopped,
 * Aborted) and Execute wait for a command or for production to finish.
 */
export const ACTING_STATES: ReadonlySet<PackMLState> = new Set<PackMLState>([
  'Starting',
  'Suspending',
  'Unsuspending',
  'Stopping',
  'Aborting',
  'Holding',
  'Unholding',
  'Completing',
  'Resetting',
  'Clearing',
]);

/** The states from which Stop is accepted (all but Stopping, Stopped, Aborting, Aborted, Clearing). */
const STOPPABLE: readonly PackMLState[] = [
  'Idle',
  'Starting',
  'Execute',
  'Completing',
  'Complete',
  'Resetting',
  'Holding',
  'Held',
  'Unholding',
  'Suspending',
  'Suspended',
  'Unsuspending',
];

interface Transition {
  readonly from: PackMLState;
  readonly command: PackMLCommand;
  readonly to: PackMLState;
}

/** Every transition of the state model, command by command. */
export const PACKML_TRANSITIONS: readonly Transition[] = [
  { from: 'Idle', command: 'Start', to: 'Starting' },
  { from: 'Starting', command: 'StateComplete', to: 'Execute' },
  { from: 'Execute', command: 'StateComplete', to: 'Completing' },
  { from: 'Completing', command: 'StateComplete', to: 'Complete' },
  { from: 'Complete', command: 'Reset', to: 'Resetting' },
  { from: 'Stopped', command: 'Reset', to: 'Resetting' },
  { from: 'Resetting', command: 'StateComplete', to: 'Idle' },
  { from: 'Execute', command: 'Hold', to: 'Holding' },
  { from: 'Holding', command: 'StateComplete', to: 'Held' },
  { from: 'Held', command: 'Unhold', to: 'Unholding' },
  { from: 'Unholding', command: 'StateComplete', to: 'Execute' },
  { from: 'Execute', command: 'Suspend', to: 'Suspending' },
  { from: 'Suspending', command: 'StateComplete', to: 'Suspended' },
  { from: 'Suspended', command: 'Unsuspend', to: 'Unsuspending' },
  { from: 'Unsuspending', command: 'StateComplete', to: 'Execute' },
  ...STOPPABLE.map((from): Transition => ({ from, command: 'Stop', to: 'Stopping' })),
  { from: 'Stopping', command: 'StateComplete', to: 'Stopped' },
  ...PACKML_STATES.filter((s) => s !== 'Aborting' && s !== 'Aborted').map((from): Transition => ({
    from,
    command: 'Abort',
    to: 'Aborting',
  })),
  { from: 'Aborting', command: 'StateComplete', to: 'Aborted' },
  { from: 'Aborted', command: 'Clear', to: 'Clearing' },
  { from: 'Clearing', command: 'StateComplete', to: 'Stopped' },
];

/**
 * @example
 * isPackMLState('Execute'); // true
 * isPackMLState('Running'); // false
 */
export function isPackMLState(value: unknown): value is PackMLState {
  return typeof value === 'string' && STATE_SET.has(value);
}

const STATE_SET: ReadonlySet<string> = new Set<string>(PACKML_STATES);

/**
 * The state a command leads to from `from`, or undefined when the model does not allow it.
 *
 * @example
 * nextState('Execute', 'Hold'); // 'Holding'
 * nextState('Stopped', 'Start'); // undefined
 */
export function nextState(from: PackMLState, command: PackMLCommand): PackMLState | undefined {
  return PACKML_TRANSITIONS.find((t) => t.from === from && t.command === command)?.to;
}

/**
 * True when one transition of the model (any command) leads from `from` to `to`.
 *
 * @example
 * isLegalTransition('Held', 'Unholding'); // true
 * isLegalTransition('Held', 'Execute'); // false: Unholding lies between
 */
export function isLegalTransition(from: PackMLState, to: PackMLState): boolean {
  return PACKML_TRANSITIONS.some((t) => t.from === from && t.to === to);
}

/**
 * True when a line may report `to` right after `from`: one transition, followed by any number
 * of acting states completing by themselves (the line need not report those). Reporting the
 * same state again is allowed (a repeated report, for example after a reconnection).
 *
 * @example
 * canReach('Execute', 'Held'); // true: Hold, then Holding completes
 * canReach('Aborted', 'Idle'); // false: Clear ends in Stopped, which waits for Reset
 */
export function canReach(from: PackMLState, to: PackMLState): boolean {
  if (from === to) return true;
  // Every state change a line reports asks this: the answers are worked out once per pair.
  let row = reachable.get(from);
  if (row === undefined) {
    row = new Map();
    reachable.set(from, row);
  }
  let answer = row.get(to);
  if (answer === undefined) {
    answer = searchReach(from, to);
    row.set(to, answer);
  }
  return answer;
}

const reachable = new Map<PackMLState, Map<PackMLState, boolean>>();

function searchReach(from: PackMLState, to: PackMLState): boolean {
  const seen = new Set<PackMLState>();
  let frontier = PACKML_TRANSITIONS.filter((t) => t.from === from).map((t) => t.to);
  while (frontier.length > 0) {
    const next: PackMLState[] = [];
    for (const state of frontier) {
      if (state === to) return true;
      if (seen.has(state)) continue;
      seen.add(state);
      if (!ACTING_STATES.has(state)) continue;
      for (const t of PACKML_TRANSITIONS) {
        if (t.from === state && t.command === 'StateComplete') next.push(t.to);
      }
    }
    frontier = next;
  }
  return false;
}
