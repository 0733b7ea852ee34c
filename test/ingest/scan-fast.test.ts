// The byte scanner's fast lane (fast-lane.ts, WebAssembly) takes the common nvidia-smi row and
// leaves every other line to the general path. These rows mix both, so the energy is
// checked by hand and the result must not depend on where the chunks are cut.
import { describe, expect, it } from 'vitest';
import { ingestFile } from '../../src/ingest/index.js';
import { chunkedIo, kwh } from './helpers.js';

const FILE = '/logs/mixed.csv';
// Device 0: 100 W @ 0 s, 300 W @ 1 s (CRLF), 100 W @ 2 s, 100 W @ 3.5 s (shorter timestamp and
// a row that ends after the power column): 200 + 200 + 150 = 550 J.
// Device 1: 200 W @ 0 s, [N/A] @ 1 s, 400 W @ 2 s (no space before W): 300 × 2 = 600 J.
// Device 2 appears late with a quoted name (general path) and one sample: energy 0.
const LOG = [
  'timestamp, index, name, power.draw [W], utilization.gpu [%]',
  '2024/10/13 00:00:00.000, 0, NVIDIA H100 80GB HBM3, 100.00 W, 1 %',
  '2024/10/13 00:00:00.000, 1, NVIDIA H100 80GB HBM3, 200.00 W, 1 %',
  '2024/10/13 00:00:01.000, 0, NVIDIA H100 80GB HBM3, 300.00 W, 1 %\r',
  '2024/10/13 00:00:01.000, 1, NVIDIA H100 80GB HBM3, [N/A], 1 %',
  'timestamp, index, name, power.draw [W], utilization.gpu [%]',
  '2024/10/13 00:00:02.000, 0, NVIDIA H100 80GB HBM3, 100 W, 1 %',
  '2024/10/13 00:00:02.000, 1, NVIDIA H100 80GB HBM3, 400.00W, 1 %',
  '2024/10/13 00:00:03.5, 0, NVIDIA H100 80GB HBM3, 100.00 W',
  '2024/10/13 00:00:03.500, 2, "NVIDIA H100, PCIe", 50.00 W, 1 %',
  '',
].join('\n');

describe('power CSV fast lane', () => {
  it('integrates rows of both paths by hand, whatever the chunk size', async () => {
    const first = await ingestFile(FILE, {}, chunkedIo({ [FILE]: LOG }, 1 << 20));
    expect(first.format).toBe('nvidia-smi');
    expect(first.rows).toBe(8);
    expect(first.rows_rejected).toBe(0);
    const byId = Object.fromEntries(first.devices.map((d) => [d.id, d]));
    expect(byId['0']?.energy_kwh).toBeCloseTo(kwh(550), 12);
    expect(byId['0']?.samples).toBe(4);
    expect(byId['1']?.energy_kwh).toBeCloseTo(kwh(600), 12);
    expect(byId['2']?.name).toBe('NVIDIA H100, PCIe');
    expect(first.energy_kwh).toBeCloseTo(kwh(1150), 12);
    expect(first.warnings).toContain('device 1: 1 values not available ([N/A] or empty) skipped');
    expect(first.warnings).toContain('1 repeated header line(s) skipped (concatenated logs)');
    for (const chunk of [1, 2, 3, 5, 7, 13, 29, 64, 100]) {
      expect(await ingestFile(FILE, {}, chunkedIo({ [FILE]: LOG }, chunk))).toEqual(first);
    }
  });
});
