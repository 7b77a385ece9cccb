/**
 * The recovered-cartridge query: a cartridge found in the field shows a headstamp (maker and
 * year) and sometimes a lot number or part of a box or crate label. Which lots can it come from,
 * and which consignees received them? Candidates are ranked by how well they match.
 */

export interface RecoveredQuery {
  /** The headstamp as read: maker code and two-digit year, e.g. `HSP 26`. */
  readonly headstamp: string;
  /** A lot number, or the part of it that could be read. */
  readonly lot?: string;
  /** Any label text that could be read (box or crate label). */
  readonly label?: string;
}

export interface RecoveredCandidate {
  readonly lotNumber: string;
  readonly productId: string;
  readonly headstamp: string;
  /** Words of the lot's labels (product type, calibre, UN number). */
  readonly labelWords: readonly string[];
  readonly consignees: readonly { readonly consigneeId: string; readonly rounds: number }[];
}

export interface RankedCandidate extends RecoveredCandidate {
  readonly score: number;
  /** Why it scored, in words. */
  readonly matched: readonly string[];
}

/** `HSP 26`, `hsp26`, `HSP-26` → `HSP 26`; undefined when it is not a maker code and a year. */
export function normaliseHeadstamp(text: string): string | undefined {
  const m = /^\s*([A-Za-z]{2,4})[\s\-_.]*(\d{2})\s*$/.exec(text);
  return m === null ? undefined : `${(m[1] ?? '').toUpperCase()} ${m[2] ?? ''}`;
}

const squash = (s: string): string => s.toUpperCase().replace(/[^A-Z0-9]/g, '');

/**
 * Scores each candidate (same headstamp only) and sorts best first: an exact lot number 100, a
 * readable part of it 40 plus its length, each label word found 5, delivered to a consignee 3
 * (a cartridge found outside most likely left the plant); ties go to more rounds delivered.
 *
 * @example
 * rankRecovered({ headstamp: 'HSP 26', lot: '26L001-02' }, candidates)[0]?.lotNumber; // 'HSP26L001-023'
 */
export function rankRecovered(
  query: RecoveredQuery,
  candidates: readonly RecoveredCandidate[],
): RankedCandidate[] {
  const headstamp = normaliseHeadstamp(query.headstamp) ?? query.headstamp.trim().toUpperCase();
  const lot = query.lot === undefined ? '' : squash(query.lot);
  const words = (query.label ?? '')
    .toUpperCase()
    .split(/[^A-Z0-9.]+/)
    .filter((w) => w.length >= 2);
  const ranked: RankedCandidate[] = [];
  for (const c of candidates) {
    if (c.headstamp !== headstamp) continue;
    const matched = [`headstamp ${headstamp}`];
    let score = 10;
    const number = squash(c.lotNumber);
    if (lot !== '') {
      if (number === lot) {
        score += 100;
        matched.push('lot number exact');
      } else if (lot.length >= 3 && number.includes(lot)) {
        score += 40 + lot.length;
        matched.push(`lot number contains ${query.lot ?? ''}`);
      } else continue; // a lot number was read and this lot does not have it
    }
    const labelWords = new Set(c.labelWords.map((w) => w.toUpperCase()));
    for (const w of words) {
      if (labelWords.has(w) || number.includes(squash(w))) {
        score += 5;
        matched.push(`label ${w}`);
      }
    }
    const delivered = c.consignees.reduce((s, x) => s + x.rounds, 0);
    if (delivered > 0) {
      score += 3;
      matched.push('delivered');
    }
    ranked.push({ ...c, score, matched });
  }
  const deliveredOf = (c: RankedCandidate): number => c.consignees.reduce((s, x) => s + x.rounds, 0);
  return ranked.sort(
    (a, b) => b.score - a.score || deliveredOf(b) - deliveredOf(a) || a.lotNumber.localeCompare(b.lotNumber),
  );
}
