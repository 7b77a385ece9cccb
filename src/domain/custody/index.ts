/** Custody rules: authorisations, four-eyes approvals, receipts, reconciliation, recovered cartridges. */
export * from './authorisation.ts';
export * from './approval.ts';
export * from './receipt.ts';
export * from './reconcile.ts';
export * from './recovered.ts';
