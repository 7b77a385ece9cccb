import type { ApiRoute } from '../route.ts';
import { authRoutes } from './auth/route.ts';
import { commissioningRoutes } from './commissioning/route.ts';
import { componentRoutes } from './components/route.ts';
import { custodyRoutes } from './custody/route.ts';
import { traceRoutes } from './custody/trace-route.ts';
import { destructionRoutes } from './destruction/route.ts';
import { eventLogRoutes } from './event-logs/route.ts';
import { healthRoutes } from './health/route.ts';
import { kpiRoutes } from './kpi/route.ts';
import { ledgerRoutes } from './ledger/route.ts';
import { lineEventRoutes } from './line-events/route.ts';
import { lineRoutes } from './lines/route.ts';
import { lotRoutes } from './lots/route.ts';
import { orderRoutes } from './orders/route.ts';
import { packingRoutes } from './packing/route.ts';
import { plantRoutes } from './plant/route.ts';
import { qualityRoutes } from './quality/route.ts';
import { simulationRoutes } from './simulations/route.ts';
import { scheduleRoutes } from './schedule/route.ts';
import { stockRoutes } from './stock/route.ts';
import { streamRoutes } from './stream/route.ts';
import { userRoutes } from './users/route.ts';

/**
 * The route table: every route the server answers, one module per area. Add a module's routes here.
 */
export const allRoutes: readonly ApiRoute[] = [
  ...healthRoutes,
  ...authRoutes,
  ...userRoutes,
  ...plantRoutes,
  ...orderRoutes,
  ...lineEventRoutes,
  ...lineRoutes,
  ...lotRoutes,
  ...componentRoutes,
  ...qualityRoutes,
  ...packingRoutes,
  ...stockRoutes,
  ...scheduleRoutes,
  ...kpiRoutes,
  ...ledgerRoutes,
  ...custodyRoutes,
  ...traceRoutes,
  ...destructionRoutes,
  ...simulationRoutes,
  ...commissioningRoutes,
  ...eventLogRoutes,
  ...streamRoutes,
];
