import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isDomainError } from '@/lib/errors';
import { findNonFinite, isReadableMessage, mutatedText } from '@/lib/testing/hostile-input';
import { importerSamples } from './importer-fixtures';
import { planImport } from './plan-import';

// Every importer meets hostile files: a real file with one to three edits (cut short, junk
// inserted, a slice repeated or removed) or arbitrary text. Each either plans an import with
// finite numbers or refuses with a coded error a person can read; none crashes or hangs.

const RUNS = Number(process.env.EDGESTACK_FUZZ_RUNS ?? 60);
// A real file of this size plans in milliseconds; only a runaway parse gets near this.
const PLAN_BUDGET_MS = 5_000;

function planOrRefusal(kind: Parameters<typeof planImport>[0]['kind'], fileName: string, content: string | Uint8Array, options?: Record<string, unknown>) {
  const started = performance.now();
  try {
    const { plan } = planImport({ kind, fileName, content, options });
    return { ok: true as const, plan, ms: performance.now() - started };
  } catch (error) {
    return { ok: false as const, error, ms: performance.now() - started };
  }
}

describe('importers under hostile files', () => {
  for (const sample of importerSamples()) {
    it(`${sample.kind} (${sample.fileName}): edits and junk are planned with finite numbers or refused clearly`, () => {
      const original = planOrRefusal(sample.kind, sample.fileName, sample.text, sample.options);
      expect(original.ok, original.ok ? '' : String((original.error as Error).message)).toBe(true);
      let refused = 0;
      fc.assert(
        fc.property(fc.oneof({ arbitrary: mutatedText(sample.text), weight: 5 }, { arbitrary: fc.string({ maxLength: 300 }), weight: 1 }), (text) => {
          const outcome = planOrRefusal(sample.kind, sample.fileName, text, sample.options);
          expect(outcome.ms).toBeLessThan(PLAN_BUDGET_MS);
          if (outcome.ok) {
            expect(findNonFinite(outcome.plan)).toBeNull();
            return;
          }
          refused++;
          expect(isDomainError(outcome.error), `not a coded error: ${String(outcome.error)}`).toBe(true);
          expect(isReadableMessage((outcome.error as Error).message), (outcome.error as Error).message).toBe(true);
        }),
        { numRuns: RUNS, seed: Number(process.env.EDGESTACK_FUZZ_SEED ?? 20261202) },
      );
      expect(refused).toBeGreaterThan(0);
    });
  }

  it('bytes that are not UTF-8 are refused, not imported as replacement characters', () => {
    for (const sample of importerSamples()) {
      const bytes = Buffer.from(sample.text, 'utf8');
      const broken = Buffer.concat([bytes.subarray(0, 10), Buffer.from([0xff, 0xfe, 0xc3]), bytes.subarray(10)]);
      const outcome = planOrRefusal(sample.kind, sample.fileName, new Uint8Array(broken), sample.options);
      expect(outcome.ok, `${sample.fileName} accepted invalid UTF-8`).toBe(false);
      if (!outcome.ok) expect((outcome.error as Error).message).toMatch(/UTF-8.*byte \d+|byte \d+.*UTF-8/);
    }
  });
});
