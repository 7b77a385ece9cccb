import type { Command } from 'commander';
import type { CliContext } from '../context.ts';
import { registerDb } from './db.ts';
import { registerUser } from './user.ts';
import { registerInit } from './init.ts';
import { registerOrders } from './orders.ts';
import { registerSchedule } from './schedule.ts';
import { registerIngest } from './ingest.ts';
import { registerLots } from './lots.ts';
import { registerComponents } from './components.ts';
import { registerKpi } from './kpi.ts';
import { registerScenario } from './scenario.ts';
import { registerServe } from './serve.ts';
import { registerToken } from './token.ts';
import { registerPasswd } from './passwd.ts';
import { registerSimulate } from './simulate.ts';
import { registerEpcis } from './epcis.ts';
import { registerLedger } from './ledger.ts';
import { registerQa } from './qa.ts';
import { registerPack } from './pack.ts';
import { registerStock } from './stock.ts';
import { registerMqtt } from './mqtt.ts';
import { registerAuth } from './auth.ts';
import { registerShip } from './ship.ts';
import { registerApprove } from './approve.ts';
import { registerTrace } from './trace.ts';
import { registerRecall } from './recall.ts';
import { registerReconcile } from './reconcile.ts';
import { registerReport } from './report.ts';
import { registerCommission } from './commission.ts';
import { registerSignatory } from './signatory.ts';
import { registerTwin } from './twin.ts';
import { registerStart } from './start.ts';

/** A command group registers itself on the program. One file per group, listed here. */
export type RegisterCommand = (program: Command, context: CliContext) => void;

export const commands: readonly RegisterCommand[] = [
  registerDb,
  registerUser,
  registerInit,
  registerOrders,
  registerSchedule,
  registerIngest,
  registerLots,
  registerComponents,
  registerKpi,
  registerScenario,
  registerServe,
  registerToken,
  registerPasswd,
  registerSimulate,
  registerEpcis,
  registerLedger,
  registerQa,
  registerPack,
  registerStock,
  registerMqtt,
  registerAuth,
  registerShip,
  registerApprove,
  registerTrace,
  registerRecall,
  registerReconcile,
  registerReport,
  registerCommission,
  registerSignatory,
  registerTwin,
  registerStart,
];
