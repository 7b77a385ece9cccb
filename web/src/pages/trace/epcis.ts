import { apiGet } from '../../app/api.ts';

/**
 * Downloads the ledger's events about a lot as an EPCIS 2.0 JSON-LD document
 * (`GET /ledger/epcis?lot=`), saved as `<lot>.epcis.json`. Returns how many events it holds.
 *
 * @example
 * const events = await downloadEpcis('HSP26A001-001');
 */
export async function downloadEpcis(lotNumber: string): Promise<number> {
  const doc = await apiGet<{ epcisBody: { eventList: unknown[] } }>('/ledger/epcis', { lot: lotNumber });
  const blob = new Blob([JSON.stringify(doc, null, 2)], { type: 'application/ld+json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = `${lotNumber}.epcis.json`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return doc.epcisBody.eventList.length;
}
