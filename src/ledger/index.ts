/**
 * The ledger: custody events in the EPCIS 2.0 vocabulary, their canonical bytes, the RFC 9162
 * Merkle log over them, signed checkpoints, proofs, whole-log verification and EPCIS interchange.
 * Pure: no storage here (see src/app/ledger for appending inside a transaction).
 *
 * @example
 * import { lotCommissioned, lineDevice, canonicalEventBytes } from '../ledger/index.ts';
 */
export * from './event.ts';
export * from './identifiers.ts';
export * from './builders.ts';
