// `ml-lca hf-card --card CARD README.md` on real files: the block lands in the README's front
// matter, the rest stays byte for byte, errors exit 2 with one line and leave the file alone.
import { readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ModelCard } from '../../src/report/card-schema.js';
import { runInProcess, tempDir } from './helpers.js';

let dir: string;
let card: ModelCard;

// A fresh directory and card for each test (no test depends on another's files; and code run
// before each test, not at collection, is attributed to it by mutation testing: test/per-test.ts).
beforeEach(async () => {
  dir = tempDir('ml-lca-hf-');
  const r = await runInProcess([
    'report',
    '--scenario',
    path.resolve('examples/scenarios/chat-model.yml'),
    '--out',
    path.join(dir, 'out'),
    '--budget-mode',
    'off',
  ]);
  expect(r.code).toBe(0);
  card = ModelCard.parse(JSON.parse(readFileSync(path.join(dir, 'out/model-card.json'), 'utf8')));
});

const README = '---\r\n# metadata\r\nlicense: apache-2.0 # permissive\r\ntags: [chat]\r\n---\r\n\r\n# chat-7b\r\n\r\nBody text.\r\n';

describe('ml-lca hf-card', () => {
  it('writes the block into the front matter; every other byte is kept', async () => {
    const file = path.join(dir, 'README.md');
    writeFileSync(file, README);
    const r = await runInProcess(['hf-card', '--card', 'out/model-card.json', 'README.md'], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const h = card.hf_co2_eq_emissions;
    // grams as the block states them (a count), and the same value in the report style
    expect(r.stdout).toMatch(/^wrote co2_eq_emissions \(\d[\d,]*\u00a0g, [\d.]+\u00a0[mk]?g CO2e\) into README\.md$/);
    const text = readFileSync(file, 'utf8');
    const [fmEnd] = [text.indexOf('---\r\n\r\n# chat-7b')];
    expect(text.slice(fmEnd)).toBe('---\r\n\r\n# chat-7b\r\n\r\nBody text.\r\n');
    expect(text.startsWith('---\r\n# metadata\r\nlicense: apache-2.0 # permissive\r\ntags: [chat]\r\nco2_eq_emissions:\r\n')).toBe(true);
    const meta = parse(text.slice(5, fmEnd)) as { co2_eq_emissions: Record<string, unknown> };
    expect(meta.co2_eq_emissions).toEqual({
      emissions: Math.round(h.emissions * 1000) / 1000,
      source: h.source,
      geographical_location: 'US',
      hardware_used: '8 x H100-SXM',
    });
    // The example scenario does not say pre-training or fine-tuning: no training_type.
    expect(h.training_type).toBeUndefined();
    // Running it again changes nothing (idempotent).
    await runInProcess(['hf-card', '--card', 'out/model-card.json', 'README.md'], dir);
    expect(readFileSync(file, 'utf8')).toBe(text);
  });

  it('rewrites the file a symlink points to, leaving the link in place', async () => {
    const target = path.join(dir, 'real-README.md');
    writeFileSync(target, '# model\n');
    symlinkSync(target, path.join(dir, 'LINK.md'));
    const r = await runInProcess(['hf-card', '--card', 'out/model-card.json', 'LINK.md'], dir);
    expect(r.code).toBe(0);
    expect(readFileSync(target, 'utf8')).toMatch(/^---\nco2_eq_emissions:\n[\s\S]*---\n# model\n$/);
  });

  it.each([
    [['hf-card', 'README.md'], 'ml-lca: hf-card: expected --card CARD.json (a model card written by ml-lca report), got nothing'],
    [['hf-card', '--card', 'out/model-card.json'], 'ml-lca: hf-card: expected ml-lca hf-card --card CARD.json README.md, got no arguments'],
    [['hf-card', '--card', 'out/model-card.json', 'missing.md'], 'ml-lca: '],
    [['hf-card', '--card', 'README.md', 'README.md'], 'ml-lca: README.md: line 1: expected a model card JSON written by ml-lca'],
  ])('%j exits 2 with one line', async (argv, message) => {
    writeFileSync(path.join(dir, 'README.md'), README);
    const r = await runInProcess(argv, dir);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')).toHaveLength(1);
    expect(r.stderr.startsWith(message)).toBe(true);
  });

  it('leaves a README with broken front matter untouched', async () => {
    const file = path.join(dir, 'BROKEN.md');
    const broken = '---\nlicense: "mit\n---\n# x\n';
    writeFileSync(file, broken);
    const r = await runInProcess(['hf-card', '--card', 'out/model-card.json', 'BROKEN.md'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/BROKEN\.md: line 3: expected valid YAML front matter/);
    expect(readFileSync(file, 'utf8')).toBe(broken);
  });
});
