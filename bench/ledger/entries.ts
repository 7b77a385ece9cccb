// Synthetic stored entries for the ledger benchmarks: the plant's own event mix (64 templates),
// each made unique by its eventID and index, written by string concatenation so that making
// ten million of them costs little next to what is measured. Every text is canonical JSON.
import { toStoredEntry, type StoredEntry } from '../../src/ledger/entry.ts';
import { plantEvents } from '../../src/ledger/fixtures/plant-events.ts';

const TEMPLATES = 64;
const ID_WIDTH = 12;

interface Template {
  readonly head: string;
  readonly middle: string;
  readonly columns: Omit<StoredEntry, 'index' | 'eventId' | 'text' | 'leafHash'>;
}

const templates: Template[] = plantEvents(TEMPLATES, 11).map((event, i) => {
  const marker = `event-${'9'.repeat(ID_WIDTH)}`;
  const stored = toStoredEntry(0, { ...event, eventID: `https://headstamp.example/id/event/${marker}` });
  const at = stored.text.indexOf(marker);
  const tail = stored.text.lastIndexOf('"index":0}');
  if (at < 0 || tail < 0) throw new Error(`template ${i} has no eventID or index`);
  const { eventType, eventTime, recordTime, bizStep, declaresError } = stored;
  return {
    head: stored.text.slice(0, at + 'event-'.length),
    middle: stored.text.slice(at + marker.length, tail + '"index":'.length),
    columns: { eventType, eventTime, recordTime, bizStep, declaresError },
  };
});

/** The canonical text of entry `index`. */
export function entryTextAt(index: number): string {
  const t = templates[index % TEMPLATES] as Template;
  return `${t.head}${String(index).padStart(ID_WIDTH, '0')}${t.middle}${index}}`;
}

/** The stored entry at `index`, given its leaf hash. */
export function storedEntryAt(index: number, leafHash: Uint8Array): StoredEntry {
  const t = templates[index % TEMPLATES] as Template;
  return {
    index,
    eventId: `https://headstamp.example/id/event/event-${String(index).padStart(ID_WIDTH, '0')}`,
    text: entryTextAt(index),
    leafHash,
    ...t.columns,
  };
}

/** Mean length of an entry text in bytes. */
export function meanEntryBytes(): number {
  let total = 0;
  for (let i = 0; i < TEMPLATES; i += 1) total += Buffer.byteLength(entryTextAt(i));
  return Math.round(total / TEMPLATES);
}
