import { formatSscc, SSCC_EXTENSION, type LogisticUnitKind } from '../../domain/packing/index.ts';
import type { Scenario } from '../../domain/scenario/schema.ts';
import type { Tx } from '../../store/database.ts';
import { sequenceRepository } from '../../store/repositories/sequences.ts';

/**
 * GS1's documentation prefix, used until the scenario names the plant's own GS1 company prefix
 * (`plant.gs1CompanyPrefix`): a real plant gets its prefix from its GS1 member organisation.
 */
export const EXAMPLE_GS1_COMPANY_PREFIX = '0614141';

/** The plant's GS1 company prefix. */
export function companyPrefix(scenario: Scenario): string {
  const own = (scenario.plant as { gs1CompanyPrefix?: unknown }).gs1CompanyPrefix;
  return typeof own === 'string' && /^\d{7,10}$/.test(own) ? own : EXAMPLE_GS1_COMPANY_PREFIX;
}

/**
 * The next SSCC for a crate or a pallet: the kind's extension digit, the plant's prefix, and a
 * serial reference from the plant's own gap-free sequence (one per kind), so no SSCC repeats.
 *
 * @example
 * await nextSscc(tx, scenario, 'crate'); // '106141410000000017'
 */
export async function nextSscc(tx: Tx, scenario: Scenario, kind: LogisticUnitKind): Promise<string> {
  const serialReference = await sequenceRepository(tx).next(scenario.plant.id, `sscc:${kind}`);
  return formatSscc({
    extension: SSCC_EXTENSION[kind],
    companyPrefix: companyPrefix(scenario),
    serialReference,
  });
}
