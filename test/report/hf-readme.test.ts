// Writing the Hugging Face co2_eq_emissions block into a model README's front matter: only that
// entry changes; every other byte (keys, comments, flow style, CRLF, BOM, the body) stays.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { InputError } from '../../src/errors.js';
import { memoryIo } from '../../src/io.js';
import type { HfCo2EqEmissions } from '../../src/report/hf.js';
import { readReadme, renderHfBlock, splitFrontMatter, withHfBlock, writeHfReadme } from '../../src/report/hf-readme.js';
import { fixture } from '../ingest/helpers.js';

const block: HfCo2EqEmissions = {
  emissions: 24_024.000000000004, // float noise: written rounded to the milligram
  source:
    'ml-lca 0.1.0 (ISO 14040/14044 life cycle assessment): operational CO2e of stage training (the up-front stages, i.e. those without inferences): facility energy (PUE 1.12) × 429 g CO2e/kWh; not counted: embodied (hardware manufacturing) carbon; stage inference',
  training_type: 'fine-tuning',
  geographical_location: 'NO', // Norway: `false` to a YAML 1.1 reader unless quoted
  hardware_used: '8 x H100-SXM',
};

const ENTRY = [
  'co2_eq_emissions:',
  '  emissions: 24024',
  `  source: "${block.source}"`,
  '  training_type: "fine-tuning"',
  '  geographical_location: "NO"',
  '  hardware_used: "8 x H100-SXM"',
  '',
].join('\n');

const read = (name: string) => readFileSync(fixture(`hf-readme/${name}`), 'utf8');
const meta = (text: string) => parse(splitFrontMatter(text, 'README.md').yaml) as Record<string, unknown>;

describe('renderHfBlock', () => {
  it('double-quotes strings and writes grams as a plain number', () => {
    expect(renderHfBlock(block, '\n')).toBe(ENTRY);
    expect(renderHfBlock({ ...block, emissions: 0.0012345 }, '\n')).toContain('  emissions: 0.001\n');
    expect(renderHfBlock(block, '\r\n')).toBe(ENTRY.replaceAll('\n', '\r\n'));
  });
});

describe('withHfBlock', () => {
  it('replaces an existing block in place, keeping every other key, comment and the body byte for byte', () => {
    const before = read('comments.md');
    const after = withHfBlock(before, block, 'README.md');
    const oldEntry = [
      'co2_eq_emissions:',
      '  emissions: 149200   # grams, from the old CodeCarbon run',
      '  # source below is stale',
      '  source: "CodeCarbon"',
      '  training_type: "pre-training"',
      '',
    ].join('\n');
    expect(before).toContain(oldEntry);
    expect(after).toBe(before.replace(oldEntry, ENTRY));
    expect(meta(after).co2_eq_emissions).toEqual({ ...block, emissions: 24_024 });
    expect(meta(after).tags).toEqual(['text-generation', 'chat']);
  });

  it('appends the block at the end of front matter that has none', () => {
    const before = read('no-co2.md');
    const after = withHfBlock(before, block, 'README.md');
    expect(after).toBe(`---\nlanguage: en\nlicense: mit # permissive\n${ENTRY}---\n# tiny-model\n`);
  });

  it('creates front matter when the README has none, the body untouched', () => {
    const before = read('no-front-matter.md');
    expect(withHfBlock(before, block, 'README.md')).toBe(`---\n${ENTRY}---\n${before}`);
  });

  it('keeps CRLF line endings, and writes the block with them', () => {
    const before = '---\r\nlanguage: en\r\nco2_eq_emissions: 1200 # grams\r\nlicense: mit\r\n---\r\n\r\n# Model\r\n';
    const after = withHfBlock(before, block, 'README.md');
    expect(after).toBe(`---\r\nlanguage: en\r\n${ENTRY.replaceAll('\n', '\r\n')}license: mit\r\n---\r\n\r\n# Model\r\n`);
    expect(withHfBlock('# Model\r\n', block, 'README.md')).toBe(`---\r\n${ENTRY.replaceAll('\n', '\r\n')}---\r\n# Model\r\n`);
  });

  it('keeps a UTF-8 byte order mark in front', () => {
    const before = '\uFEFF---\nlanguage: fr\n---\nModèle\n';
    expect(withHfBlock(before, block, 'README.md')).toBe(`\uFEFF---\nlanguage: fr\n${ENTRY}---\nModèle\n`);
    expect(withHfBlock('\uFEFFModèle\n', block, 'README.md')).toBe(`\uFEFF---\n${ENTRY}---\nModèle\n`);
  });

  it('fills empty front matter, and replaces a scalar co2_eq_emissions with its comment', () => {
    expect(withHfBlock('---\n---\nbody\n', block, 'README.md')).toBe(`---\n${ENTRY}---\nbody\n`);
    expect(withHfBlock('---\n# only a comment\n---\n', block, 'README.md')).toBe(`---\n# only a comment\n${ENTRY}---\n`);
    expect(withHfBlock('---\nco2_eq_emissions: 10 # g\n---\n', block, 'README.md')).toBe(`---\n${ENTRY}---\n`);
    expect(withHfBlock('---\nco2_eq_emissions:\nlicense: mit\n---\n', block, 'README.md')).toBe(`---\n${ENTRY}license: mit\n---\n`);
  });

  it('keeps a comment that follows the old block: it is about the next key', () => {
    const before = '---\nco2_eq_emissions:\n  emissions: 1\n\n# about the licence\nlicense: mit\n---\n';
    expect(withHfBlock(before, block, 'README.md')).toBe(`---\n${ENTRY}\n# about the licence\nlicense: mit\n---\n`);
  });

  it('writes training_type only when the card has it', () => {
    const { training_type: _t, ...noType } = block;
    const after = withHfBlock('---\n---\n', noType, 'README.md');
    expect(after).not.toContain('training_type');
    expect(meta(after).co2_eq_emissions).toEqual({ ...noType, emissions: 24_024 });
  });

  it.each([
    ['unterminated front matter', '---\nlanguage: en\n# no closing fence\n', /line 1: .*closed by a --- line/],
    [
      'invalid YAML, with its line in the README',
      '---\nlanguage: en\nlicense: "mit\n---\n',
      /^README\.md: line 4: expected valid YAML front matter, got Missing closing "quote$/,
    ],
    ['duplicate keys', '---\na: 1\na: 2\n---\n', /^README\.md: line 3: expected valid YAML front matter, got Map keys must be unique$/],
    ['a list instead of a mapping', '---\n- a\n- b\n---\n', /front matter: expected a block mapping/],
    ['a flow mapping', '---\n{ language: en }\n---\n', /got a flow mapping/],
  ])('refuses %s (exit 2, nothing written)', (_what, text, message) => {
    let err: unknown;
    try {
      withHfBlock(text, block, 'README.md');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).message).toMatch(message);
  });
});

describe('writeHfReadme', () => {
  it('reads the file as bytes (BOM kept), writes it back with one atomic write', async () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('---\nlicense: mit\n---\nbody\n')]);
    const io = memoryIo({ '/repo/model/README.md': bytes });
    await writeHfReadme('/repo/model/README.md', block, io);
    expect(io.written['/repo/model/README.md']).toBe(`\uFEFF---\nlicense: mit\n${ENTRY}---\nbody\n`);
  });

  it('refuses a file that is not UTF-8, and a missing one', async () => {
    const io = memoryIo({ '/r/README.md': new Uint8Array([0x2d, 0x2d, 0x2d, 0x0a, 0xff, 0xfe, 0x0a]) });
    await expect(readReadme('/r/README.md', io)).rejects.toThrow(/expected a UTF-8 text file, got bytes that are not UTF-8/);
    await expect(readReadme('/r/missing.md', io)).rejects.toThrow(/no such file/);
    expect(io.written).toEqual({});
  });
});
