import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ValidationError } from '../../domain/errors.ts';
import { epcisInvalid, validateEpcisDocument, type EpcisProblem } from '../../ledger/epcis/validate.ts';

/** What `epcis validate` reports for a valid document. */
export interface EpcisFileSummary {
  readonly file: string;
  readonly type: string;
  readonly events: number;
}

/** Reads and parses a JSON(-LD) file, refusing unreadable or non-JSON input with the reason. */
export function readJsonFile(file: string, cwd: string): unknown {
  let text: string;
  try {
    text = readFileSync(resolve(cwd, file), 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new ValidationError('epcis.unreadable', `${file}: cannot read (${reason})`, [
      { path: file, problem: `cannot read (${reason})` },
    ]);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new ValidationError('epcis.not_json', `${file}: not JSON: ${message}`, [
      { path: file, problem: `not JSON: ${message}` },
    ]);
  }
}

/**
 * Checks an EPCIS 2.0 JSON-LD file against GS1's schema. Returns a summary when valid; throws a
 * ValidationError naming each problem's event (place, eventID) and field when not.
 *
 * @example
 * const summary = validateEpcisFile('shipment-42.jsonld', process.cwd());
 * // { file: 'shipment-42.jsonld', type: 'EPCISDocument', events: 12 }
 */
export function validateEpcisFile(file: string, cwd: string): EpcisFileSummary {
  const doc = readJsonFile(file, cwd);
  const problems: EpcisProblem[] = validateEpcisDocument(doc);
  if (problems.length > 0) throw epcisInvalid(problems, file);
  const body = doc as {
    type?: string;
    epcisBody?: { eventList?: unknown[]; queryResults?: { resultsBody?: { eventList?: unknown[] } } };
  };
  const list = body.epcisBody?.eventList ?? body.epcisBody?.queryResults?.resultsBody?.eventList ?? [];
  return { file, type: body.type ?? 'unknown', events: list.length };
}
