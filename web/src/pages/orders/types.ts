/** An order as `GET /orders` answers it. */
export interface Order {
  readonly id: string;
  readonly orderNumber: string;
  readonly consigneeId: string;
  readonly productId: string;
  readonly quantity: number;
  readonly dueDate: string;
  readonly priority: number;
  readonly createdAt: string;
  readonly productionOrderId: string | null;
  readonly productionOrderNumber: string | null;
  readonly status: string;
  readonly made: number;
}

/** One production order placed on a line (`GET /schedule`). */
export interface Placement {
  readonly seq: number;
  readonly productionOrderId: string;
  readonly lineId: string;
  readonly productId: string;
  readonly quantity: number;
  readonly startsAt: string;
  readonly endsAt: string;
  readonly changeoverMinutes: number;
  readonly late: boolean;
}

export interface Schedule {
  readonly schedule: { id: string; createdAt: string; startsAt: string; reason: string; actor: string };
  readonly placements: readonly Placement[];
}

/** `POST /schedule`'s answer. */
export interface MadeSchedule extends Schedule {
  readonly unplaced: readonly { orderNumber: string; reason: string }[];
  readonly warnings: readonly string[];
}
