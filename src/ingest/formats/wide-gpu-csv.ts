// A wide per-GPU power CSV, one column per device: `timestamp,GPU0,GPU1,...` (also `gpu0_power_w`,
// `cuda:1 [W]`). Each column becomes device `0`, `1`, ...; same byte scanner as nvidia-smi.
import { planFromHeader } from '../columns.js';
import { firstLines } from '../sniff.js';
import { scanPowerCsv, splitQuoted } from '../power-scan.js';
import type { LogFormat } from '../types.js';

export const wideGpuCsv: LogFormat = {
  id: 'wide-gpu-csv',
  description: 'wide per-GPU power CSV (timestamp,GPU0,GPU1,...)',
  sniff(head) {
    const first = firstLines(head, 1)[0] ?? '';
    const plan = planFromHeader(splitQuoted(first));
    if (!plan?.measures.every((m) => m.device !== null)) return 0;
    return plan.measures.length >= 2 ? 0.75 : 0.5;
  },
  // The byte scanner copies the one line that straddles two chunks and nothing else.
  borrowsChunks: true,
  parse(stream, ctx) {
    ctx.out.scope = 'device';
    return scanPowerCsv(stream, ctx, { allowNoHeader: false });
  },
};
