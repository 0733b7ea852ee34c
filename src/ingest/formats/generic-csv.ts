// A home-made power or energy log in CSV: `timestamp,device,power_w` (long format) or
// `timestamp,device,energy_j` (energy per row) or `total_energy_j` (a cumulative counter,
// differenced). Column names and units per columns.ts / units.ts. Same byte scanner as nvidia-smi.
import { planFromHeader } from '../columns.js';
import { firstLines } from '../sniff.js';
import { scanPowerCsv, splitQuoted } from '../power-scan.js';
import type { LogFormat } from '../types.js';

export const genericCsv: LogFormat = {
  id: 'power-csv',
  description: 'generic power/energy CSV (timestamp, device, power_w | energy_j | total_energy_j)',
  sniff(head) {
    const first = firstLines(head, 1)[0] ?? '';
    const plan = planFromHeader(splitQuoted(first));
    if (!plan || plan.measures.some((m) => m.device !== null)) return 0;
    return plan.ts >= 0 || plan.key >= 0 ? 0.6 : 0.4;
  },
  // The byte scanner copies the one line that straddles two chunks and nothing else.
  borrowsChunks: true,
  parse(stream, ctx) {
    ctx.out.scope = 'device';
    return scanPowerCsv(stream, ctx, { allowNoHeader: false });
  },
};
