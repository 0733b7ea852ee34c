// Stage completeness (issue 12): the reason, file and fix an incomplete stage carries, and the
// one line every output leads with.
import { describe, expect, it } from 'vitest';
import type { Source } from '../../src/ingest/source.js';
import { incompleteFromSources, incompleteLine, MEASURED, noEnergySource } from '../../src/lca/completeness.js';

function broken(path: string, reason: string, fix = 'rerun the logger'): Source {
  return {
    path,
    format: 'nvidia-smi',
    energy_kwh: null,
    co2e_kg: null,
    water_l: null,
    duration_s: null,
    devices: [],
    rows: 0,
    rows_rejected: 0,
    logged_pue: null,
    warnings: [],
    incomplete: { code: 'no_rows', reason, fix },
  };
}

describe('incompleteFromSources', () => {
  it('one file: its reason, its path, its fix phrased for the stage (no ml-lca ingest flag)', () => {
    const c = incompleteFromSources('inference', [broken('gpu.csv', 'no timestamps', "set the stage's interval_s to 1 (ml-lca ingest: --interval)")], null);
    expect(c).toEqual({ status: 'incomplete', reason: 'no timestamps', file: 'gpu.csv', fix: 'set stages.inference.interval_s to 1' });
  });

  it('every "the stage\'s KEY" in the fix becomes stages.NAME.KEY', () => {
    const c = incompleteFromSources('train', [broken('a.csv', 'r', "set the stage's interval_s and the stage's hours")], null);
    expect(c.fix).toBe('set stages.train.interval_s and stages.train.hours');
  });

  it('more files: the first names the stage, three more are listed, and what counts in their place', () => {
    const files = ['a.csv', 'b.csv', 'c.csv', 'd.csv', 'e.csv'].map((p) => broken(p, `${p} is empty`));
    const c = incompleteFromSources('s', files, 'energy_kwh (4) is counted in its place');
    expect(c.reason).toBe('a.csv is empty (and 4 more file(s): b.csv, c.csv, d.csv); energy_kwh (4) is counted in its place');
    expect(c.file).toBe('a.csv');
    expect(incompleteFromSources('s', files.slice(0, 2), null).reason).toBe('a.csv is empty (and 1 more file(s): b.csv)');
  });

  it('refuses a source that is not incomplete (a bug in the caller)', () => {
    const { incomplete: _incomplete, ...ok } = broken('a.csv', 'x');
    expect(() => incompleteFromSources('s', [ok], null)).toThrow('incompleteFromSources needs an incomplete source');
    expect(() => incompleteFromSources('s', [], null)).toThrow('incompleteFromSources needs an incomplete source');
  });
});

describe('incompleteLine', () => {
  it('stage, file, reason and fix', () => {
    expect(incompleteLine('inference', { status: 'incomplete', reason: 'no timestamps', file: 'gpu.csv', fix: 'set stages.inference.interval_s' })).toBe(
      'stage inference: gpu.csv: no timestamps. Fix: set stages.inference.interval_s',
    );
  });
  it('without a file, reason or fix: plain defaults', () => {
    expect(incompleteLine('training', { status: 'incomplete', reason: null, file: null, fix: null })).toBe(
      'stage training: energy unknown. Fix: give the stage a log with usable energy',
    );
    expect(incompleteLine('training', noEnergySource('training'))).toBe(
      'stage training: the stage names no source of energy (no logs, prometheus, energy_kwh or hours). Fix: add stages.training.logs (a power or CodeCarbon log), stages.training.energy_kwh, or stages.training.hours for an estimate from hours × count × power_w',
    );
  });
  it('a measured stage is complete', () => {
    expect(MEASURED).toEqual({ status: 'measured', reason: null, file: null, fix: null });
  });
});
