// The only list of log formats (style.md §5). Order matters only to break equal sniff scores:
// specific formats first, generic ones last.
import { codecarbon } from './formats/codecarbon.js';
import { dcgmJson } from './formats/dcgm-json.js';
import { dcgmProm } from './formats/dcgm-prom.js';
import { eco2ai } from './formats/eco2ai.js';
import { genericCsv } from './formats/generic-csv.js';
import { genericJsonl } from './formats/generic-jsonl.js';
import { hfCard } from './formats/hf-card.js';
import { mlLcaMeasure } from './formats/ml-lca-measure.js';
import { nvidiaSmiDmon } from './formats/nvidia-smi-dmon.js';
import { nvidiaSmi } from './formats/nvidia-smi.js';
import { wideGpuCsv } from './formats/wide-gpu-csv.js';
import { zeus } from './formats/zeus.js';
import type { LogFormat } from './types.js';

export const FORMATS: readonly LogFormat[] = [
  mlLcaMeasure,
  codecarbon,
  eco2ai,
  nvidiaSmi,
  nvidiaSmiDmon,
  dcgmProm,
  dcgmJson,
  zeus,
  hfCard,
  wideGpuCsv,
  genericCsv,
  genericJsonl,
];

/** Below this best score a file is not recognised. */
export const MIN_SNIFF = 0.3;

export function detectFormat(head: string, path: string): { format: LogFormat; score: number } | null {
  let best: { format: LogFormat; score: number } | null = null;
  for (const format of FORMATS) {
    const score = format.sniff(head, path);
    if (score >= MIN_SNIFF && (best === null || score > best.score)) best = { format, score };
  }
  return best;
}

export function formatById(id: string): LogFormat | undefined {
  return FORMATS.find((f) => f.id === id);
}
