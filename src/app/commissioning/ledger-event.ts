import type { EventOrigin } from '../../ledger/builders.ts';
import { toEventTime } from '../../ledger/builders.ts';
import { HS_VOC, type ObjectEvent, type Uri } from '../../ledger/event.ts';
import { eventUri, HS_ID, lineUri } from '../../ledger/identifiers.ts';

/** Our business step for a line's acceptance act, a URI under our vocabulary. */
export const ACCEPTING_LINE: Uri = `${HS_VOC}bizstep/accepting_line`;

/** An acceptance act as an identifier the ledger can name. */
export const actUri = (actNumber: string): Uri => `${HS_ID}acceptance-act/${encodeURIComponent(actNumber)}`;

/**
 * The ledger event of an acceptance act: the act comes into being (ObjectEvent ADD of the act's
 * URI) at the line, with the SHA-256 of its document's exact bytes and the verdict in its
 * master data. Anyone holding the ledger can then tell a changed act file from the signed one.
 *
 * @example
 * actRecorded(origin, { actNumber: 'CA-L2-001', lineId: 'L2', sha256, passed: true, early: false, file: 'CA-L2-001.html' });
 */
export function actRecorded(
  origin: EventOrigin,
  act: { actNumber: string; lineId: string; sha256: string; passed: boolean; early: boolean; file: string },
): ObjectEvent {
  return {
    type: 'ObjectEvent',
    action: 'ADD',
    eventID: eventUri(origin.eventID),
    eventTime: toEventTime(origin.eventTime),
    eventTimeZoneOffset: origin.eventTimeZoneOffset ?? '+00:00',
    actor: { kind: origin.actor.kind, id: origin.actor.id, role: origin.actor.role },
    epcList: [actUri(act.actNumber)],
    bizStep: ACCEPTING_LINE,
    disposition: act.passed ? 'conformant' : 'non_conformant',
    readPoint: { id: lineUri(act.lineId) },
    ilmd: {
      'hs:actNumber': act.actNumber,
      'hs:line': act.lineId,
      'hs:documentSha256': act.sha256,
      'hs:documentFile': act.file,
      'hs:verdict': act.passed ? 'passed' : 'failed',
      'hs:closedEarly': act.early,
    },
  };
}
