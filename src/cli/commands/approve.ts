import { listApprovals } from '../../app/custody/approvals.ts';
import { approveRequest, withdrawRequest } from '../../app/custody/approve.ts';
import { requestLotRelease } from '../../app/custody/release.ts';
import { withApp } from '../../app/open.ts';
import { actorFor } from '../../app/users.ts';
import { actorName } from '../context.ts';
import type { RegisterCommand } from './index.ts';

/**
 * `headstamp approve REQUEST` (the second person of a four-eyes act) and `headstamp approvals`
 * (what waits; `approvals withdraw REQUEST`).
 */
export const registerApprove: RegisterCommand = (program, context) => {
  program
    .command('approve')
    .description('Approve a waiting four-eyes request as the second person: the act is done now')
    .argument('<request>', 'request number (AR-...)')
    .option('--as <name>', 'approving user (default $HEADSTAMP_USER)')
    .option('--json', 'print the result as JSON')
    .action(async (number: string, o: { as?: string; json?: boolean }) => {
      await withApp(context.env, context.cwd, async (app) => {
        const actor = await actorFor(app, actorName(o, context.env));
        const { request, result } = await approveRequest(app, actor, number);
        if (o.json === true) context.out.json({ ...request, result });
        else
          context.out.line(
            `${request.requestNumber} approved by ${actor.id}: ${request.summary} (requested by ${request.requestedBy})`,
          );
      });
    });

  const approvals = program
    .command('approvals')
    .description('Four-eyes requests waiting for a second person')
    .option('--all', 'every request, decided ones too')
    .option('--as <name>', 'acting user (default $HEADSTAMP_USER)')
    .option('--json', 'print the result as JSON')
    .action(async (o: { all?: boolean; as?: string; json?: boolean }) => {
      await withApp(context.env, context.cwd, async (app) => {
        const actor = await actorFor(app, actorName(o, context.env));
        const list = await listApprovals(app, actor, { all: o.all === true });
        if (o.json === true) {
          context.out.json(list);
          return;
        }
        context.out.table(
          list.map((r) => ({
            request: r.requestNumber,
            kind: r.kind,
            what: r.summary,
            by: r.requestedBy,
            at: r.requestedAt,
            status: r.status,
            approver: r.approvedBy ?? '',
          })),
        );
      });
    });

  approvals
    .command('withdraw')
    .description('Withdraw a waiting request (its requester, or an admin)')
    .argument('<request>', 'request number')
    .option('--as <name>', 'acting user (default $HEADSTAMP_USER)')
    .option('--json', 'print the result as JSON')
    .action(async (number: string, o: { as?: string; json?: boolean }) => {
      await withApp(context.env, context.cwd, async (app) => {
        const actor = await actorFor(app, actorName(o, context.env));
        const r = await withdrawRequest(app, actor, number);
        if (o.json === true) context.out.json(r);
        else context.out.line(`${r.requestNumber} withdrawn`);
      });
    });

  approvals
    .command('request-release')
    .description('Ask for a lot release that a second quality person approves (headstamp approve)')
    .argument('<lot>', 'lot number')
    .option('--reason <text>', 'why (optional)')
    .option('--as <name>', 'acting user (default $HEADSTAMP_USER)')
    .option('--json', 'print the result as JSON')
    .action(async (lotNumber: string, o: { reason?: string; as?: string; json?: boolean }) => {
      await withApp(context.env, context.cwd, async (app) => {
        const actor = await actorFor(app, actorName(o, context.env));
        const r = await requestLotRelease(app, actor, {
          lotNumber,
          ...(o.reason === undefined ? {} : { reason: o.reason }),
        });
        if (o.json === true) context.out.json(r);
        else
          context.out.line(
            `release of ${lotNumber} waits for a second person: headstamp approve ${r.requestNumber} --as NAME`,
          );
      });
    });
};
