// nvidia-smi --query-gpu=... --format=csv[,noheader][,nounits] -l 1 (and scripts that rename its
// header), down to `--query-gpu=power.draw --format=csv,noheader,nounits`: one number per line,
// no timestamp (energy needs --interval / the stage's interval_s). Every header/unit/timestamp variant goes through the byte scanner (power-scan.ts);
// this file only recognises the format. Device key: uuid, else pci.bus_id, else index
// (columns.ts); host-qualified when a host column exists.
import { firstLines } from '../sniff.js';
import { scanPowerCsv } from '../power-scan.js';
import type { LogFormat } from '../types.js';

const NATIVE_TS = /^\s*\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2}(\.\d+)?\s*,/;
/** `--query-gpu=power.draw --format=csv,noheader[,nounits]`: one value per line (`69.47`, `69.47 W`, `[N/A]`). */
const LONE_VALUE = /^(\d+(\.\d+)?( ?W)?|\[N\/A\])$/;

export const nvidiaSmi: LogFormat = {
  id: 'nvidia-smi',
  description: 'nvidia-smi --query-gpu CSV (with or without header/units)',
  sniff(head) {
    const lines = firstLines(head, 20);
    const first = lines[0] ?? '';
    if (/(^|,)\s*power\.draw(\.(average|instant))?\s*(\[[^\]]*\])?\s*(,|$)/i.test(first)) return 0.95;
    const data = lines.filter((l) => !l.startsWith('#'));
    // Power alone, one value per line, at least one with a decimal fraction as nvidia-smi prints it.
    if (data.length > 0 && data.every((l) => LONE_VALUE.test(l)) && data.some((l) => /\.\d/.test(l))) return 0.6;
    if (data.length === 0 || !data.every((l) => l.includes(','))) return 0;
    const native = data.filter((l) => NATIVE_TS.test(l)).length;
    const watts = data.filter((l) => /,\s*[\d.]+ W\s*(,|$)/.test(l)).length;
    const gpuKey = data.filter((l) => /(GPU-[0-9a-f]{8}-|[0-9A-F]{8}:[0-9A-F]{2}:[0-9A-F]{2}\.\d|\[N\/A\])/i.test(l)).length;
    if (native >= data.length / 2 && (watts > 0 || gpuKey > 0)) return 0.9;
    if (watts >= data.length / 2) return 0.8;
    if (native >= data.length / 2) return 0.7;
    if (gpuKey >= data.length / 2 && /power/i.test(first)) return 0.65;
    return 0;
  },
  // The byte scanner copies the one line that straddles two chunks and nothing else.
  borrowsChunks: true,
  parse(stream, ctx) {
    ctx.out.scope = 'device';
    return scanPowerCsv(stream, ctx, { allowNoHeader: true, unquoted: true });
  },
};
