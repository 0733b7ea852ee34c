// Every format and quirk, on its fixture file, with the energy worked out by hand in the table
// (trapezoid: (P_i + P_i+1) / 2 × Δt, domain.md). Files are fed in 7-byte chunks so every line
// straddles a chunk boundary somewhere.
import { describe, expect, it } from 'vitest';
import { ingestFile } from '../../src/ingest/index.js';
import type { IngestOptions } from '../../src/ingest/types.js';
import { fixture, fixtureIo, kwh } from './helpers.js';

interface Case {
  file: string;
  format: string;
  opts?: IngestOptions;
  energy_kwh: number | null;
  devices?: Record<string, number | null>;
  rows?: number;
  rejected?: number;
  warn?: RegExp;
  duration_s?: number | null;
  start?: string | null;
}

const cases: Case[] = [
  // nvidia-smi --query-gpu
  {
    file: 'nvidia-smi/multi-gpu-units.csv',
    format: 'nvidia-smi',
    energy_kwh: kwh(850 + 300),
    devices: { '0': kwh((300 + 500) / 2 + (500 + 400) / 2), '1': kwh(((100 + 200) / 2) * 2) },
    rows: 6,
    rejected: 0,
    warn: /device 1: 1 values not available/,
    duration_s: 2,
    start: '2024-10-13T03:33:30.000Z',
  },
  { file: 'nvidia-smi/nounits.csv', format: 'nvidia-smi', energy_kwh: kwh(((250 + 350) / 2) * 2 + ((350 + 300) / 2) * 2) },
  {
    file: 'nvidia-smi/noheader.csv',
    format: 'nvidia-smi',
    energy_kwh: kwh(((100 + 300) / 2) * 10 + ((200 + 400) / 2) * 10),
    devices: { '0': kwh(2000), '1': kwh(3000) },
    warn: /no header: columns inferred/,
  },
  { file: 'nvidia-smi/noheader-nounits.csv', format: 'nvidia-smi', energy_kwh: kwh(((100 + 200) / 2) * 5 + ((200 + 300) / 2) * 5) },
  { file: 'nvidia-smi/renamed-header.csv', format: 'nvidia-smi', energy_kwh: kwh(((60 + 70) / 2) * 1 + ((70 + 50) / 2) * 2), warn: /\[N\/A\]/ },
  {
    file: 'nvidia-smi/iso-offset.csv',
    format: 'nvidia-smi',
    energy_kwh: kwh(((400 + 600) / 2) * 60),
    start: '2024-10-13T03:33:30.000Z',
    devices: { 'GPU-6d3f1c2a-9b8e-4f7d-a1c2-3e4f5a6b7c8d': kwh(30000) },
  },
  { file: 'nvidia-smi/epoch-ns.csv', format: 'nvidia-smi', energy_kwh: kwh(((100 + 200) / 2) * 0.5 + ((200 + 300) / 2) * 0.5), duration_s: 1 },
  { file: 'nvidia-smi/no-timestamp.csv', format: 'nvidia-smi', energy_kwh: null, warn: /no timestamp; pass --interval/ },
  {
    file: 'nvidia-smi/no-timestamp.csv',
    format: 'nvidia-smi',
    opts: { interval_s: 2 },
    energy_kwh: kwh(((100 + 200) / 2) * 2 + ((200 + 300) / 2) * 2),
    duration_s: 4,
  },
  {
    file: 'nvidia-smi/uuid-interleaved.csv',
    format: 'nvidia-smi',
    energy_kwh: kwh(700 * 2 + 100 * 2),
    devices: { 'GPU-aaaaaaaa-0000-0000-0000-000000000001': kwh(1400), 'GPU-bbbbbbbb-0000-0000-0000-000000000002': kwh(200) },
  },
  {
    file: 'nvidia-smi/pci-bus-key.csv',
    format: 'nvidia-smi',
    energy_kwh: kwh(200 + 400),
    devices: { '00000000:18:00.0': kwh(200), '00000000:2A:00.0': kwh(400) },
  },
  {
    file: 'nvidia-smi/truncated-last-line.csv',
    format: 'nvidia-smi',
    energy_kwh: kwh(((100 + 300) / 2) * 1 + 300 * 1),
    rows: 4,
    rejected: 1,
    warn: /truncated last line \(line 5\)/,
  },
  { file: 'nvidia-smi/repeated-header.csv', format: 'nvidia-smi', energy_kwh: kwh(100 + 200 + 300), rows: 4, rejected: 0, warn: /1 repeated header/ },
  { file: 'nvidia-smi/gap.csv', format: 'nvidia-smi', energy_kwh: kwh(200 * 2 + 400 * 1), warn: /1 gap\(s\) longer than 60 s not bridged \(3600 s in all/ },
  { file: 'nvidia-smi/gap.csv', format: 'nvidia-smi', opts: { gapThreshold_s: 7200 }, energy_kwh: kwh(200 * 2 + ((200 + 400) / 2) * 3600 + 400) },
  { file: 'nvidia-smi/same-timestamp.csv', format: 'nvidia-smi', energy_kwh: kwh(200 + 250), warn: /share a timestamp/ },
  { file: 'nvidia-smi/host-column.csv', format: 'nvidia-smi', energy_kwh: kwh(5000 + 1000), devices: { 'node-a/0': kwh(5000), 'node-b/0': kwh(1000) } },
  // no device name in the log: the scenario's hardware model (T4, 70 W TDP) bounds plausible power at 105 W
  {
    file: 'nvidia-smi/no-timestamp.csv',
    format: 'nvidia-smi',
    opts: { interval_s: 1, hardwareModel: 'T4' },
    energy_kwh: kwh(150 + 250),
    warn: /2 power values in column "power\.draw \[W\]" exceed 1\.5 × TDP 70 W of T4 \(max 300 W\); implausible/,
  },
  // --query-gpu=power.draw --format=csv,noheader,nounits: one value per line, no timestamp. With
  // --interval 1 the [N/A] keeps its slot: 69.47 at 0 s, 312.45 at 1, 298.10 at 2, 305.20 at 4.
  {
    file: 'nvidia-smi/noheader-nounits-power-only.csv',
    format: 'nvidia-smi',
    opts: { interval_s: 1 },
    energy_kwh: kwh((69.47 + 312.45) / 2 + (312.45 + 298.1) / 2 + ((298.1 + 305.2) / 2) * 2),
    duration_s: 4,
    start: null,
    warn: /one power value \(W\) per line, read as one GPU/,
  },
  { file: 'nvidia-smi/noheader-nounits-power-only.csv', format: 'nvidia-smi', energy_kwh: null, warn: /4 power samples have no timestamp; pass --interval/ },
  // nvidia-smi dmon
  { file: 'nvidia-smi-dmon/plain.txt', format: 'nvidia-smi-dmon', energy_kwh: null, warn: /no timestamp/ },
  // GPU 1's "-" keeps its 1 s slot: 200 W at 0 s, 400 W at 2 s.
  {
    file: 'nvidia-smi-dmon/plain.txt',
    format: 'nvidia-smi-dmon',
    opts: { interval_s: 1 },
    energy_kwh: kwh(200 + 250 + ((200 + 400) / 2) * 2),
    devices: { '0': kwh(450), '1': kwh(600) },
  },
  { file: 'nvidia-smi-dmon/time-o-T.txt', format: 'nvidia-smi-dmon', energy_kwh: kwh(150 + 250 + 300), start: null, duration_s: 3, warn: /without a date/ },
  { file: 'nvidia-smi-dmon/date-time-o-DT.txt', format: 'nvidia-smi-dmon', energy_kwh: kwh(((50 + 70) / 2) * 2), start: '2024-10-13T03:33:31.000Z' },
  // DCGM
  {
    file: 'dcgm/scrapes.prom',
    format: 'dcgm-prom',
    energy_kwh: kwh(((300 + 500) / 2) * 15 + 100 * 15),
    devices: { 'node-1/0': kwh(6000), 'node-1/1': kwh(1500) },
  },
  // counter (mJ): +3.6e6, reset to 2e6 (counts 2e6), +3e6 -> 8.6e6 mJ = 8600 J
  {
    file: 'dcgm/counter-reset.prom',
    format: 'dcgm-prom',
    energy_kwh: kwh(3600 + 2000 + 3000),
    warn: /counter reset 1 time/,
    devices: { 'node-2/0': kwh(8600) },
  },
  { file: 'dcgm/no-timestamps.prom', format: 'dcgm-prom', opts: { interval_s: 1 }, energy_kwh: kwh(300 + 400) },
  {
    file: 'dcgm/range-query.json',
    format: 'prometheus-json',
    energy_kwh: kwh(((200 + 400) / 2) * 15 + 400 * 15 + 12000),
    devices: { 'node-1/0': kwh(10500), 'node-1/1': kwh(12000) },
  },
  // Zeus: epoch windows nest inside `training`; outermost windows only
  {
    file: 'zeus/windows.csv',
    format: 'zeus',
    energy_kwh: kwh(61000 + 57000 + 5000 + 4000),
    devices: { '0': kwh(66000), '1': kwh(61000) },
    warn: /2 window\(s\) nested/,
  },
  { file: 'zeus/measurements.jsonl', format: 'zeus', energy_kwh: kwh(3600 + 1800 + 7200 + 3600) },
  // eco2ai: run 4b6f… logged twice (cumulative), the last counts
  { file: 'eco2ai/quoted-commas.csv', format: 'eco2ai', energy_kwh: 2.5 + 0.75, rows: 3, duration_s: 7200 + 1800, warn: /superseded/ },
  // generic
  { file: 'generic/power.jsonl', format: 'power-jsonl', energy_kwh: kwh(((250 + 350) / 2) * 30 + ((350 + 300) / 2) * 30), rows: 4, rejected: 1 },
  { file: 'generic/energy-per-row.csv', format: 'power-csv', energy_kwh: kwh(1800 + 1800 + 900) },
  { file: 'generic/counter-reset.csv', format: 'power-csv', energy_kwh: kwh(3000 + 500 + 2000), warn: /reset/ },
  // Units the values decide (builder.ts decideUnit): as read, the mean power of each device must
  // lie between 2 % of its TDP and 1.5 × TDP (1–3,000 W when the model is unknown).
  // power_w holding milliwatts (A100, 400 W TDP): as W a mean of 275,000 W; as mW 275 W.
  {
    file: 'generic/milliwatts-under-w.csv',
    format: 'power-csv',
    energy_kwh: kwh(((250 + 250) / 2) * 10 + ((250 + 350) / 2) * 10),
    warn: /column "power_w": the header says W, but as W the mean power 275,000 W on device 0 is implausible \(expected 8–600 W for NVIDIA A100-SXM4-40GB \(TDP 400 W\)\); read as milliwatts \(mW\): mean power 275 W/,
  },
  // pynvml's nvmlDeviceGetPowerUsage is in mW, logged under a bare `power` (H100, 700 W TDP).
  {
    file: 'generic/nvml-milliwatts-no-unit.csv',
    format: 'power-csv',
    energy_kwh: kwh((312.45 + 498.2) / 2 + (498.2 + 502.1) / 2 + (502.1 + 489.9) / 2),
    warn: /column "power": the header names no unit .* as W the mean power 467,158 W on device 0 is implausible \(expected 14–1,050 W .*; read as milliwatts \(mW\): mean power 467 W/,
  },
  // `mw` may be mW or MW; only mW is plausible (unknown model: 1–3,000 W).
  {
    file: 'generic/power-mw-lowercase.csv',
    format: 'power-csv',
    energy_kwh: kwh(((250 + 350) / 2) * 10 + ((100 + 120) / 2) * 10),
    devices: { '0': kwh(3000), '1': kwh(1100) },
    warn: /column "power_mw": the unit may be milliwatts \(mW\) or megawatts \(MW\): read as milliwatts \(mW\), mean power 300 W on device 0 \(and 1 more\), the only reading plausible/,
  },
  // `power_MW`, case known: megawatts, no question asked. 0.0003 MW = 300 W.
  { file: 'generic/power-MW-megawatts.csv', format: 'power-csv', energy_kwh: kwh(((300 + 500) / 2) * 10) },
  // Per-minute energy in mWh (A100): 5 + 5.5 + 6 Wh; as MWh it would be 16.5 MWh in 3 minutes.
  {
    file: 'generic/energy-mwh-per-minute.csv',
    format: 'power-csv',
    energy_kwh: (5000 + 5500 + 6000) / 1e6,
    warn: /column "energy_mwh": the unit may be milliwatt-hours \(mWh\) or megawatt-hours \(MWh\): read as milliwatt-hours \(mWh\), mean power 330 W/,
  },
  // Daily energy in MWh (H100): 14.4 + 15.6 + 12 kWh; as mWh a mean of 0.6 µW.
  {
    file: 'generic/energy-mwh-daily.csv',
    format: 'power-csv',
    energy_kwh: 14.4 + 15.6 + 12,
    warn: /column "energy_mwh": .* but as mWh the mean power 5\.83e-7 W on device 0 is implausible .*; read as megawatt-hours \(MWh\): mean power 583 W/,
  },
  // NVML's total-energy counter is in mJ, logged under a bare `total_energy` (L4, 72 W TDP):
  // 1,150,000 mJ in 20 s = 57.5 W; as J it would be 57.5 kW.
  {
    file: 'generic/nvml-energy-counter-mj.csv',
    format: 'power-csv',
    energy_kwh: kwh(1150),
    warn: /column "total_energy": the header names no unit .*; read as millijoules \(mJ\): mean power 57\.5 W/,
  },
  // Relative time: seconds since the log began (no start/end dates).
  { file: 'generic/relative-sec.csv', format: 'power-csv', energy_kwh: kwh(205 + 215 + 225), duration_s: 3, start: null },
  {
    file: 'generic/relative-elapsed-ms.csv',
    format: 'power-csv',
    energy_kwh: kwh(((100 + 200) / 2) * 0.5 + ((200 + 300) / 2) * 0.5),
    duration_s: 1,
    start: null,
  },
  {
    file: 'generic/relative-t.jsonl',
    format: 'power-jsonl',
    energy_kwh: kwh(((150.5 + 160.5) / 2) * 0.5 + ((160.5 + 170.5) / 2) * 0.5),
    duration_s: 1,
    start: null,
  },
  // A `time` column whose first value is 0.0 is relative for the whole file: the dated row after is rejected, not mixed in.
  {
    file: 'generic/relative-time-column.csv',
    format: 'power-csv',
    energy_kwh: kwh(300 * 2 + 330 * 2),
    rows: 4,
    rejected: 1,
    duration_s: 4,
    start: null,
    warn: /1 row\(s\) rejected: unparseable timestamp \(line 5\)/,
  },
  {
    file: 'generic/ambiguous-date.csv',
    format: 'power-csv',
    energy_kwh: kwh(1000),
    warn: /ambiguous date "03\/04\/2024 10:00:00"/,
    start: '2024-03-04T10:00:00.000Z',
  },
  // GPU0..GPU2 name no unit; watts is the only plausible reading for each: one warning for all three.
  {
    file: 'generic/wide-gpu.csv',
    format: 'wide-gpu-csv',
    energy_kwh: kwh(200 + 400 + 600),
    devices: { '0': kwh(200), '1': kwh(400), '2': kwh(600) },
    warn: /columns "GPU0", "GPU1", "GPU2": the header names no unit .*: read as watts \(W\), the only reading plausible for each \(1–3,000 W/,
  },
  // Hugging Face card: emissions only
  { file: 'hf-card/README.md', format: 'hf-card', energy_kwh: null, warn: /emissions \(grams CO2e\) only/ },
];

describe('ingestFile on fixtures', () => {
  it.each(cases)('$file $opts', async (c) => {
    const io = fixtureIo([c.file]);
    const s = await ingestFile(fixture(c.file), c.opts ?? {}, io, c.file);
    expect(s.format).toBe(c.format);
    if (c.energy_kwh === null) expect(s.energy_kwh).toBeNull();
    else expect(s.energy_kwh).toBeCloseTo(c.energy_kwh, 12);
    for (const [id, e] of Object.entries(c.devices ?? {})) {
      const d = s.devices.find((x) => x.id === id);
      expect(d, `device ${id} in ${JSON.stringify(s.devices)}`).toBeDefined();
      if (e === null) expect(d?.energy_kwh).toBeNull();
      else expect(d?.energy_kwh).toBeCloseTo(e, 12);
    }
    if (c.rows !== undefined) expect(s.rows).toBe(c.rows);
    if (c.rejected !== undefined) expect(s.rows_rejected).toBe(c.rejected);
    if (c.warn) expect(s.warnings.join('\n')).toMatch(c.warn);
    if (c.duration_s !== undefined) expect(s.duration_s).toBeCloseTo(c.duration_s as number, 9);
    if (c.start !== undefined) expect(s.start).toBe(c.start);
  });

  it('marks GPU power logs device scope and CodeCarbon/eco2ai host scope', async () => {
    const files = ['nvidia-smi/nounits.csv', 'eco2ai/quoted-commas.csv', 'codecarbon/v2.0-run-id.csv'];
    const io = fixtureIo(files);
    const scopes = await Promise.all(files.map(async (f) => (await ingestFile(fixture(f), {}, io)).scope));
    expect(scopes).toEqual(['device', 'host', 'host']);
  });

  it('names the device model and keeps the host of DCGM series', async () => {
    const io = fixtureIo(['dcgm/scrapes.prom']);
    const s = await ingestFile(fixture('dcgm/scrapes.prom'), {}, io);
    expect(s.devices[0]).toMatchObject({ id: 'node-1/0', host: 'node-1', name: 'NVIDIA H100 80GB HBM3', samples: 2 });
  });

  it('reads the HF card mapping and scalar forms, grams to kg', async () => {
    const files = ['hf-card/README.md', 'hf-card/scalar.yaml', 'hf-card/card.json'];
    const io = fixtureIo(files);
    const [md, scalar, json] = await Promise.all(files.map((f) => ingestFile(fixture(f), {}, io)));
    expect(md?.co2e_kg).toBeCloseTo(149200 / 1000, 9);
    expect(md?.hf_co2_eq_emissions).toEqual({
      emissions: 149200,
      source: 'CodeCarbon',
      training_type: 'pre-training',
      geographical_location: 'Quebec, Canada',
      hardware_used: '64 A100 GPUs',
    });
    expect(scalar?.co2e_kg).toBeCloseTo(10.3 / 1000, 12);
    expect(json?.co2e_kg).toBeCloseTo(2.5, 12);
  });

  it('reports eco2ai emissions from the last row of each run', async () => {
    const io = fixtureIo(['eco2ai/quoted-commas.csv']);
    const s = await ingestFile(fixture('eco2ai/quoted-commas.csv'), {}, io);
    expect(s.co2e_kg).toBeCloseTo(1.0 + 0.3, 12);
    expect(s.devices[0]?.name).toContain('NVIDIA A100-SXM4-40GB, TDP:400.0');
  });
});

describe('byte-level quirks of power CSVs', () => {
  const ingestText = async (text: string, chunk = 3) => {
    const { chunkedIo } = await import('./helpers.js');
    return ingestFile('/t/log.csv', {}, chunkedIo({ '/t/log.csv': text }, chunk), 'log.csv');
  };

  it('reads CRLF line ends and a UTF-8 BOM', async () => {
    const s = await ingestText('\ufefftimestamp, index, power.draw [W]\r\n2024/10/13 03:33:30.000, 0, 100.00 W\r\n2024/10/13 03:33:40.000, 0, 300.00 W\r\n');
    expect(s.energy_kwh).toBeCloseTo(kwh(2000), 12);
    expect(s.rows_rejected).toBe(0);
  });

  it('treats [Unknown Error] and [Not Supported] like [N/A]', async () => {
    const s = await ingestText(
      'timestamp, index, power.draw [W]\n2024/10/13 03:33:30.000, 0, 100 W\n2024/10/13 03:33:31.000, 0, [Unknown Error]\n2024/10/13 03:33:32.000, 0, [Not Supported]\n2024/10/13 03:33:33.000, 0, 100 W\n',
    );
    expect(s.energy_kwh).toBeCloseTo(kwh(300), 12);
    expect(s.warnings.join('\n')).toMatch(/2 values not available/);
  });

  it('reads values in kW and mW by their unit suffix', async () => {
    const s = await ingestText('timestamp,gpu,power\n2024-10-13T03:00:00Z,0,0.5 kW\n2024-10-13T03:00:10Z,0,500000 mW\n');
    expect(s.energy_kwh).toBeCloseTo(kwh(5000), 12);
  });

  it('re-reads columns when a different header appears mid-file', async () => {
    const s = await ingestText(
      'timestamp, index, power.draw [W]\n2024/10/13 03:33:30.000, 0, 100 W\n2024/10/13 03:33:31.000, 0, 100 W\ntimestamp, index, temperature.gpu, power.draw [W]\n2024/10/13 03:33:32.000, 0, 50, 300 W\n',
    );
    expect(s.energy_kwh).toBeCloseTo(kwh(100 + 200), 12);
    expect(s.warnings.join('\n')).toMatch(/header changed at line 4/);
  });
});

describe('units the values cannot settle', () => {
  const ingestText = async (text: string, opts: IngestOptions = {}) => {
    const { chunkedIo } = await import('./helpers.js');
    return ingestFile('/t/log.csv', opts, chunkedIo({ '/t/log.csv': text }, 5), 'log.csv');
  };

  it.each([
    {
      what: 'two readings plausible (no unit; 2 W or 2 kW for an unknown model): the first stays, with a warning',
      text: 'timestamp,gpu,power\n2024-10-13T03:00:00Z,0,2.0\n2024-10-13T03:00:10Z,0,2.0\n',
      energy_j: 2 * 10,
      warn: /column "power": the header names no unit .*: read as watts \(W\), mean power 2 W on device 0; kW would be plausible too, so check the unit/,
    },
    {
      what: 'a certain unit (MW, case known) with implausible values: kept, flagged in the column',
      text: 'timestamp,gpu,power_MW\n2024-10-13T03:00:00Z,0,300000\n2024-10-13T03:00:10Z,0,300000\n',
      energy_j: 3e11 * 10,
      warn: /device 0: 2 power values in column "power_MW" exceed 3000 W, more than any single accelerator draws/,
    },
    {
      what: 'a header in capitals: POWER_MW may be mW or MW; only mW is plausible',
      text: 'TIMESTAMP,GPU,POWER_MW\n2024-10-13T03:00:00Z,0,300000\n2024-10-13T03:00:10Z,0,300000\n',
      energy_j: 300 * 10,
      warn: /column "POWER_MW": the unit may be milliwatts \(mW\) or megawatts \(MW\): read as milliwatts \(mW\), mean power 300 W/,
    },
    {
      what: 'no timestamps, so nothing decides mWh or MWh: the SI reading of the letters (milli), said so',
      text: 'gpu,energy_mwh\n0,5000\n0,5500\n',
      energy_j: (5000 + 5500) * 3.6,
      warn: /column "energy_mwh": the unit may be milliwatt-hours \(mWh\) or megawatt-hours \(MWh\), and without timestamps the values cannot decide: read as milliwatt-hours \(mWh\)/,
    },
    {
      what: 'a unit in every cell decides for the cells: a bare `power` column of "250000 mW" is not rescaled again',
      text: 'timestamp,gpu,power\n2024-10-13T03:00:00Z,0,250000 mW\n2024-10-13T03:00:10Z,0,350000 mW\n',
      energy_j: 300 * 10,
      warn: null,
    },
    {
      what: 'an ambiguous unit in a cell (`mw`) takes milliwatts and says so once',
      text: 'timestamp,gpu,power\n2024-10-13T03:00:00Z,0,250000 mw\n2024-10-13T03:00:10Z,0,350000 mw\n',
      energy_j: 300 * 10,
      warn: /column "power": values in "mw" may be milliwatts or megawatts; read as milliwatts \(mW\)/,
    },
  ])('$what', async ({ text, energy_j, warn }) => {
    const s = await ingestText(text);
    expect(s.energy_kwh).toBeCloseTo(kwh(energy_j), 12);
    if (warn) expect(s.warnings.join('\n')).toMatch(warn);
    else expect(s.warnings.filter((w) => /column/.test(w))).toEqual([]);
  });
});

// How each log measured its energy (SOURCE.measurement): the basis of the measurement
// uncertainty the interpretation propagates (lca/interpret/measurement.ts).
describe('SOURCE.measurement', () => {
  it.each([
    // 100, 200, 300 W every 5 s: mean 200, s = √((100² + 0 + 100²) / 2) = 100, u = 100 / (200 × √3)
    ['nvidia-smi/noheader-nounits.csv', { method: 'power_samples', interval_s: 5, sampling_rel_u: 100 / (200 * Math.sqrt(3)) }],
    ['dcgm/counter-reset.prom', { method: 'energy_counter', interval_s: null, sampling_rel_u: null }],
    ['zeus/windows.csv', { method: 'energy_counter', interval_s: null, sampling_rel_u: null }],
    ['codecarbon/v2.3-pue-column.csv', { method: 'software_estimate', interval_s: null, sampling_rel_u: null }],
    ['eco2ai/quoted-commas.csv', { method: 'software_estimate', interval_s: null, sampling_rel_u: null }],
    ['generic/energy-per-row.csv', { method: 'energy_records', interval_s: null, sampling_rel_u: null }],
    ['hf-card/README.md', null],
  ])('%s -> %j', async (file, want) => {
    const s = await ingestFile(fixture(file), {}, fixtureIo([file]), file);
    if (want === null || want.sampling_rel_u === null) expect(s.measurement).toEqual(want);
    else {
      expect(s.measurement).toMatchObject({ method: want.method, interval_s: want.interval_s });
      expect(s.measurement?.sampling_rel_u).toBeCloseTo(want.sampling_rel_u, 12);
    }
  });
});
