import { describe, expect, it } from 'vitest';
import { runCrashTrial } from './harness.ts';

// The subscriber (the MQTT ingest on a SQLite file) is killed with SIGKILL 20 times at seeded
// random moments while a line publishes counts at QoS 1 to the machine's Mosquitto.
describe('MQTT ingest killed at random moments', () => {
  it(
    'records every message the broker accepted exactly once, and the ledger verifies',
    { timeout: 240_000 },
    async () => {
      const result = await runCrashTrial({ kills: 20, seed: 20261122 });
      expect(result.unacked).toBe(0);
      expect(result.acked).toBeGreaterThan(100);
      expect(result.missing).toEqual([]);
      expect(result.duplicated).toEqual([]);
      expect(result.unexpected).toEqual([]);
      expect(result.recorded).toBe(result.acked);
      // Counted once: the run's total is the line's last counter, not more.
      expect(result.runProcessed).toBe(result.lastProcessed);
      expect(result.ledger).toMatchObject({ ok: true });
    },
  );
});
