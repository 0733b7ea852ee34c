// Whether each stage's energy was determined (issue 12: a gate that fails closed). A stage is
//   measured    its energy comes from logs (or Prometheus) that gave it;
//   estimate    deliberately not measured: `energy_kwh` stated in the scenario, or hours × count
//               × power_w; complete, and labelled as an estimate wherever it is shown;
//   incomplete  its energy could not be determined from what was given: a log with no usable
//               samples, nothing integrable, every row rejected, or a stage with no energy source.
// One incomplete stage makes the card's verdict `incomplete`, whatever the budgets say.
import { z } from 'zod';
import type { Source } from '../ingest/source.js';

export const StageCompleteness = z
  .object({
    status: z.enum(['measured', 'estimate', 'incomplete']),
    reason: z.string().nullable().meta({ description: 'incomplete: why the energy is unknown; estimate: what it rests on; measured: null' }),
    file: z.string().nullable().meta({ description: 'The log concerned (incomplete stages), else null' }),
    fix: z.string().nullable().meta({ description: 'One line: what to change so the stage is measured (incomplete stages), else null' }),
  })
  .meta({ description: 'Whether the stage energy was measured, deliberately estimated, or could not be determined' });
export type StageCompleteness = z.infer<typeof StageCompleteness>;

export const MEASURED: StageCompleteness = { status: 'measured', reason: null, file: null, fix: null };

/**
 * A source's own fix, phrased for the stage it feeds: `the stage's interval_s` ->
 * `stages.inference.interval_s`, without the `ml-lca ingest` flag meant for the ingest command.
 */
function stageFix(stage: string, fix: string): string {
  return fix.replace(/the stage's (?=\w)/g, `stages.${stage}.`).replace(/ \(ml-lca ingest: [^)]*\)/g, '');
}

/** The stage is incomplete because of these sources (files whose energy is missing or partial). */
export function incompleteFromSources(stage: string, broken: readonly Source[], fallback: string | null): StageCompleteness {
  const first = broken[0];
  if (!first?.incomplete) throw new Error('incompleteFromSources needs an incomplete source');
  const more =
    broken.length > 1
      ? ` (and ${broken.length - 1} more file(s): ${broken
          .slice(1, 4)
          .map((s) => s.path)
          .join(', ')})`
      : '';
  return {
    status: 'incomplete',
    reason: `${first.incomplete.reason}${more}${fallback ? `; ${fallback}` : ''}`,
    file: first.path,
    fix: stageFix(stage, first.incomplete.fix),
  };
}

/** A stage that names no energy source at all (`training: {}`). */
export function noEnergySource(stage: string): StageCompleteness {
  return {
    status: 'incomplete',
    reason: 'the stage names no source of energy (no logs, prometheus, energy_kwh or hours)',
    file: null,
    fix: `add stages.${stage}.logs (a power or CodeCarbon log), stages.${stage}.energy_kwh, or stages.${stage}.hours for an estimate from hours × count × power_w`,
  };
}

/** One line naming the stage, the file, why, and the fix: the head of every output of an incomplete card. */
export function incompleteLine(stage: string, c: StageCompleteness): string {
  const where = c.file ? `stage ${stage}: ${c.file}: ` : `stage ${stage}: `;
  return `${where}${c.reason ?? 'energy unknown'}. Fix: ${c.fix ?? 'give the stage a log with usable energy'}`;
}
