import { apiGet, apiPost } from '../../app/api.ts';
import type { Candidate, Found } from './types.ts';

type Kind = 'crate' | 'shipment' | 'lot' | 'headstamp';

/**
 * What a search text names: an 18-digit SSCC is a crate or pallet, `SH-…` a shipment, a lot number
 * (`HSP26A001-001`) a lot; anything else is read as a recovered cartridge's headstamp (`HSP 26`).
 *
 * @example
 * kindOf('106141410000000019'); // 'crate'
 */
export function kindOf(text: string): Kind {
  const t = text.trim();
  if (/^\d{18}$/.test(t)) return 'crate';
  if (/^SH-/i.test(t)) return 'shipment';
  if (/^[A-Z0-9]+-\d+$/i.test(t) && !/\s/.test(t)) return 'lot';
  return 'headstamp';
}

interface Backward {
  readonly lots: readonly { lotNumber: string }[];
}

const most = 8;

/** Resolves a search to the lots to trace forward (at most eight, the best first). */
export async function search(text: string): Promise<Found> {
  const query = text.trim();
  const kind = kindOf(query);
  switch (kind) {
    case 'lot':
      return { query, how: `lot ${query}`, lots: [query.toUpperCase()] };
    case 'crate': {
      const back = await apiGet<Backward>(`/trace/crates/${query}`);
      return {
        query,
        how: `crate or pallet ${query}`,
        lots: back.lots.map((l) => l.lotNumber).slice(0, most),
      };
    }
    case 'shipment': {
      const back = await apiGet<Backward>(`/trace/shipments/${encodeURIComponent(query.toUpperCase())}`);
      return {
        query,
        how: `shipment ${query.toUpperCase()} (${back.lots.length} lots${back.lots.length > most ? `, the first ${most} traced` : ''})`,
        lots: back.lots.map((l) => l.lotNumber).slice(0, most),
      };
    }
    case 'headstamp': {
      const { headstamp, lot } = splitHeadstamp(query);
      const answer = await apiPost<{ items: Candidate[] }>('/trace/recovered', {
        headstamp,
        ...(lot !== undefined ? { lot } : {}),
      });
      const candidates = [...answer.items].sort((a, b) => b.score - a.score);
      return {
        query,
        how: `headstamp “${headstamp}”${lot !== undefined ? ` and lot mark ${lot}` : ''}: ${candidates.length} candidate lots${candidates.length > most ? `, the best ${most} traced` : ''}`,
        lots: candidates.slice(0, most).map((c) => c.lotNumber),
        candidates,
      };
    }
  }
}

/** `HSP 26 L001-001` → headstamp `HSP 26` and lot `L001-001`; `HSP 26` alone → no lot. */
export function splitHeadstamp(text: string): { headstamp: string; lot?: string } {
  const m = /^(.*?)\s+([A-Z]?\d{3}-\d{3})$/i.exec(text);
  return m?.[1] !== undefined && m[2] !== undefined ? { headstamp: m[1], lot: m[2] } : { headstamp: text };
}
