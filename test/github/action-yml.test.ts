// action.yml, the inputs parser, the outputs and the example workflows must agree on names:
// a typo in any of them is an input the runner silently drops.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { INPUT_NAMES, parseInputs } from '../../src/github/inputs.js';
import { outputsOf } from '../../src/github/outputs.js';
import { sampleCard } from '../report/sample-card.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const action = parse(readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as {
  runs: { using: string; main: string; post: string; 'post-if': string };
  branding: { icon: string; color: string };
  inputs: Record<string, { description: string; default?: string }>;
  outputs: Record<string, { description: string }>;
};

describe('action.yml', () => {
  it('runs dist/index.js on node24, dist/post.js as its post step even when the job failed, and has branding', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js', post: 'dist/post.js', 'post-if': 'always()' });
    expect(action.branding.icon).not.toBe('');
  });

  it('declares exactly the inputs the action reads, each described', () => {
    expect(Object.keys(action.inputs).sort()).toEqual([...INPUT_NAMES].sort());
    for (const i of Object.values(action.inputs)) expect(i.description.length).toBeGreaterThan(20);
    expect(action.inputs['github-token']?.default).toBe(['$', '{{ github.token }}'].join(''));
  });

  it('its defaults parse to the same values as empty inputs (one source of truth)', () => {
    const defaults = Object.fromEntries(Object.entries(action.inputs).map(([k, v]) => [k, k === 'github-token' ? 't' : (v.default ?? '')]));
    const empty = Object.fromEntries(INPUT_NAMES.map((k) => [k, k === 'github-token' ? 't' : '']));
    expect(parseInputs(defaults)).toEqual(parseInputs(empty));
  });

  it('declares exactly the outputs the action sets', () => {
    const set = outputsOf([{ card: sampleCard(), cardPath: '/c', markdown: 'm' }]);
    // measure-log is set by main.ts itself (mode: measure-start, or the step that stopped a measurement).
    expect(Object.keys(action.outputs).sort()).toEqual([...Object.keys(set), 'measure-log'].sort());
  });
});

const examplesDir = path.join(ROOT, 'examples/workflows');
const examples = readdirSync(examplesDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.yml'));

describe.each(examples)('examples/workflows/%s', (file) => {
  const wf = parse(readFileSync(path.join(examplesDir, file), 'utf8')) as {
    on: Record<string, unknown>;
    permissions: Record<string, string>;
    jobs: Record<string, { steps: Array<{ uses?: string; with?: Record<string, string> }> }>;
  };
  const steps = Object.values(wf.jobs).flatMap((j) => j.steps);
  const ours = steps.filter((s) => s.uses?.startsWith('ml-lca/ml-lca@'));

  it('uses the action with known inputs only, and valid values', () => {
    expect(ours.length).toBeGreaterThan(0);
    for (const s of ours) {
      for (const k of Object.keys(s.with ?? {})) expect(INPUT_NAMES).toContain(k);
      expect(() => parseInputs({ ...(s.with ?? {}), 'github-token': 't' })).not.toThrow();
    }
  });

  it('grants what the action needs and no more', () => {
    expect(wf.permissions['actions']).toBe('read');
    if ('workflow_run' in wf.on) {
      expect(wf.permissions['pull-requests']).toBe('write');
      // The privileged workflow must not run the PR's code.
      expect(steps.some((s) => s.uses?.startsWith('actions/checkout'))).toBe(false);
    } else {
      expect(wf.permissions['contents']).toBe('read');
    }
  });
});
