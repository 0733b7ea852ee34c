// `ml-lca data`: what a region or hardware name resolves to, with value, year and source.
import { describe, expect, it } from 'vitest';
import { runInProcess } from './helpers.js';

describe('ml-lca data', () => {
  it('grid --year 2023 FR: the OWID row, and the cloud regions on the French grid', async () => {
    const r = await runInProcess(['data', 'grid', '--year', '2023', 'FR']);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines.find((l) => l.startsWith('| FR '))).toMatch(/\|\s+55\.3 \|\s+55\.3–78\.6 \|\s+2023 \|/);
    expect(lines.some((l) => l.startsWith('| aws:eu-west-3 ') && l.includes('| FR '))).toBe(true);
    expect(r.stdout).toContain('https://ourworldindata.org/grapher/carbon-intensity-electricity');
    expect(lines.some((l) => l.startsWith('| DE '))).toBe(false);
  });

  it('marks a year the dataset does not have and shows the data year used', async () => {
    const r = await runInProcess(['data', 'grid', '--year', '2024', 'us-east-1']);
    expect(r.stdout).toMatch(/\| aws:us-east-1 +\| +283\.9 \|.*\| 2022 \* \|.*egrid:SRVC/);
    expect(r.stdout).toContain('* the year asked for is not in the dataset');
  });

  it('--json gives the full factors (Google CFE included)', async () => {
    const r = await runInProcess(['data', 'grid', 'gcp:us-east1', '--year', '2024', '--json']);
    const j = JSON.parse(r.stdout) as {
      year: number;
      grid: Array<{ region: string; g_per_kwh: number; cfe: number | null; references: Array<{ id: string }> }>;
    };
    expect(j.year).toBe(2024);
    expect(j.grid[0]).toMatchObject({ region: 'gcp:us-east1', g_per_kwh: 575.77, cfe: 0.31, references: [{ id: 'gcp-region-carbon-info' }] });
  });

  it('hardware and hosts list values with their sources', async () => {
    const hw = await runInProcess(['data', 'hardware', 'A100-SXM-80GB']);
    expect(hw.stdout).toMatch(/\| A100-SXM-80GB +\| 400 \(250–400\) +\| 150 \(15–420\) +\|/);
    expect(hw.stdout).toContain('https://jmlr.org/papers/v24/23-0069.html');
    const hosts = await runInProcess(['data', 'hosts', '--json']);
    expect((JSON.parse(hosts.stdout) as { hosts: Array<{ platform: string }> }).hosts.map((h) => h.platform)).toEqual(['8-GPU-A100', '8-GPU-H100']);
  });

  it('a bad --year is exit 2 with one line', async () => {
    const r = await runInProcess(['data', 'grid', '--year', '23']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('ml-lca: data --year: expected a year such as 2023, got "23"');
  });
});
