// What a reader must see before any number (issue 12): the stages whose energy could not be
// determined (the card is INCOMPLETE), the data-quality errors, and the rejected rows that changed
// a stage's energy. Plain text; report/markdown.ts escapes it, the CLI prints it as is (after
// removing control characters).
import type { StageCompleteness } from '../lca/completeness.js';
import { incompleteLine } from '../lca/completeness.js';
import type { ModelCard } from './card-schema.js';

export interface IncompleteStage {
  stage: string;
  completeness: StageCompleteness;
}

export interface Attention {
  incomplete: IncompleteStage[];
  /** Data-quality errors not already said by an incomplete stage. */
  errors: string[];
  /** Per counted log with rejected rows: how many, why, the first line. */
  rejected: Array<{ stage: string; file: string; text: string }>;
}

export function attentionOf(card: ModelCard): Attention {
  const incomplete = Object.entries(card.stages).flatMap(([stage, s]) =>
    s.completeness?.status === 'incomplete' ? [{ stage, completeness: s.completeness }] : [],
  );
  const saidStages = new Set(incomplete.map((i) => i.stage));
  const saidFiles = new Set(incomplete.flatMap((i) => (i.completeness.file ? [i.completeness.file] : [])));
  const errors = card.interpretation.data_quality
    .filter((d) => d.severity === 'error')
    .filter((d) => !(d.stage !== undefined && saidStages.has(d.stage)) && !(d.source !== undefined && saidFiles.has(d.source)))
    .map((d) => d.message);
  const rejected: Attention['rejected'] = [];
  for (const [stage, s] of Object.entries(card.stages)) {
    for (const file of s.sources) {
      const src = card.sources.find((x) => x.path === file);
      if (!src?.rejected?.length) continue;
      const parts = src.rejected.map(
        (r) => `${r.count} ${r.count === 1 ? 'row' : 'rows'} rejected (${r.reason})${r.first_line !== null ? `, first at line ${r.first_line}` : ''}`,
      );
      rejected.push({ stage, file, text: `${parts.join('; ')}: the stage's energy comes from the rest of the file` });
    }
  }
  return { incomplete, errors, rejected };
}

/** The lines of an incomplete card, one per stage: stage, file, why, fix. */
export function incompleteLines(a: Attention): string[] {
  return a.incomplete.map((i) => incompleteLine(i.stage, i.completeness));
}
