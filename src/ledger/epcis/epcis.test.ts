import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { errorDeclared, roundsDestroyed, user } from '../builders.ts';
import { canonicalJson } from '../canonical.ts';
import { plantEvents } from '../fixtures/plant-events.ts';
import { toEpcisDocument } from './export.ts';
import { fromEpcisDocument } from './import.ts';
import { validateEpcisDocument } from './validate.ts';

// GS1's published example documents (see test/fixtures/epcis/GS1-DISCLAIMER.txt).
const dir = join(import.meta.dirname, '../../../test/fixtures/epcis');
const examples = readdirSync(dir)
  .filter((name) => name.endsWith('.jsonld'))
  .map((name) => [name, JSON.parse(readFileSync(join(dir, name), 'utf8')) as unknown] as const);
// Loose view of a parsed document, for breaking it on purpose.
type Doc = { epcisBody: { eventList: [Record<string, unknown>, Record<string, unknown>] } };
const auditor = user('auditor-1', 'auditor');
const at = new Date('2026-11-22T07:00:00.000Z');

describe('EPCIS validation', () => {
  it('has the GS1 examples', () => expect(examples.length).toBe(29));

  it.each(examples)('accepts GS1 example %s and imports it', (_name, doc) => {
    expect(validateEpcisDocument(doc)).toEqual([]);
    const { events } = fromEpcisDocument(doc, { actor: auditor });
    // Imported and exported again, nothing GS1 wrote is lost and the result is still valid.
    const again = toEpcisDocument(events, { creationDate: at });
    expect(validateEpcisDocument(again)).toEqual([]);
  });

  it('names the event and the field of each problem in a broken document', () => {
    const doc = structuredClone(examples.find(([n]) => n === 'Example_9.6.1-ObjectEvent.jsonld')![1]) as Doc;
    doc.epcisBody.eventList[1].bizStep = 'shippping';
    doc.epcisBody.eventList[0].quantityList = [
      { epcClass: 'urn:epc:class:lgtin:4012345.012345.998877', quantity: 'ten' },
    ];
    delete doc.epcisBody.eventList[1].eventTimeZoneOffset;
    const problems = validateEpcisDocument(doc);
    const id0 = doc.epcisBody.eventList[0].eventID;
    const id1 = doc.epcisBody.eventList[1].eventID;
    expect(problems).toEqual(
      expect.arrayContaining([
        {
          eventIndex: 0,
          eventID: id0,
          path: 'epcisBody.eventList[0].quantityList[0].quantity',
          problem: 'must be number',
        },
        {
          eventIndex: 1,
          eventID: id1,
          path: 'epcisBody.eventList[1].eventTimeZoneOffset',
          problem: 'is required but missing',
        },
        expect.objectContaining({ eventIndex: 1, path: 'epcisBody.eventList[1].bizStep' }),
      ]),
    );
    expect(problems).toHaveLength(3);
    expect(() => fromEpcisDocument(doc)).toThrow(/3 problems/);
  });
});

describe('EPCIS export', () => {
  const events = plantEvents(60, 3);
  const original = events[4]!;
  const correction = roundsDestroyed(
    { eventID: 'event-c1', eventTime: at, actor: user('ivanov', 'logistics'), reason: 'miscounted' },
    { product: '762x39-PS', lot: '0001-26', quantity: 3, location: 'store-A' },
  );
  const declaration = errorDeclared(original, {
    origin: { eventTime: at, actor: user('petrova', 'quality'), reason: 'wrong crate scanned' },
    reason: 'incorrect_data',
    correctiveEventIDs: [correction.eventID],
  });
  const all = [...events, declaration, correction].map((event, index) => ({ index, event }));

  it('writes a document that passes GS1 schema validation', () => {
    const doc = toEpcisDocument(all, { creationDate: at });
    expect(validateEpcisDocument(doc)).toEqual([]);
    expect(doc.epcisBody.eventList[0]).toMatchObject({
      'hs:ledgerIndex': 0,
      'hs:actor': { 'hs:kind': 'device' },
    });
  });

  it('reads back exactly the events it wrote (same canonical bytes)', () => {
    const doc = JSON.parse(JSON.stringify(toEpcisDocument(all, { creationDate: at })));
    const { events: back } = fromEpcisDocument(doc);
    expect(back.map((e) => canonicalJson(e))).toEqual(all.map((e) => canonicalJson(e)));
  });

  it('refuses to import an event with no actor unless an importing actor is named', () => {
    const doc = structuredClone(toEpcisDocument(all.slice(0, 2), { creationDate: at })) as unknown as Doc;
    delete doc.epcisBody.eventList[1]['hs:actor'];
    expect(() => fromEpcisDocument(doc)).toThrow(/cannot record/);
    expect(fromEpcisDocument(doc, { actor: auditor }).events[1]?.event.actor).toEqual(auditor);
  });
});
