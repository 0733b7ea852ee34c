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

interface Job {
  if?: string;
  permissions?: Record<string, string>;
  uses?: string;
  steps?: Array<{ uses?: string; with?: Record<string, string> }>;
}

describe.each(examples)('examples/workflows/%s', (file) => {
  const wf = parse(readFileSync(path.join(examplesDir, file), 'utf8')) as {
    on: Record<string, unknown>;
    permissions?: Record<string, string>;
    concurrency?: { group: string; 'cancel-in-progress'?: unknown };
    jobs: Record<string, Job>;
  };
  const jobs = Object.values(wf.jobs);
  const steps = jobs.flatMap((j) => j.steps ?? []);
  const ours = steps.filter((s) => s.uses?.startsWith('ml-lca/ml-lca@'));
  /** Reusable workflows this one calls (`./.github/workflows/X.yml`), as example files next to it. */
  const called = jobs.flatMap((j) => (j.uses ? [path.join(path.dirname(file), path.basename(j.uses))] : []));

  it('uses the action with known inputs only, and valid values (or calls an example that does)', () => {
    expect(ours.length + called.length).toBeGreaterThan(0);
    for (const c of called) expect(examples).toContain(c);
    for (const s of ours) {
      for (const k of Object.keys(s.with ?? {})) expect(INPUT_NAMES).toContain(k);
      // The runner passes every `with:` value as a string (YAML `30` arrives as "30").
      const raw = Object.fromEntries(Object.entries(s.with ?? {}).map(([k, v]) => [k, String(v)]));
      expect(() => parseInputs({ ...raw, 'github-token': 't' })).not.toThrow();
    }
  });

  it('grants what the action needs and no more: contents: write only to jobs that run on push only', () => {
    if ('workflow_call' in wf.on) {
      // A reusable job: the calling job's permissions apply; it must not ask for its own.
      expect(wf.permissions).toBeUndefined();
      expect(jobs.every((j) => j.permissions === undefined)).toBe(true);
      return;
    }
    if ('workflow_run' in wf.on) {
      expect(wf.permissions?.['actions']).toBe('read');
      expect(wf.permissions?.['pull-requests']).toBe('write');
      // The privileged workflow must not run the PR's code.
      expect(steps.some((s) => s.uses?.startsWith('actions/checkout'))).toBe(false);
      return;
    }
    for (const j of jobs) {
      const p = j.permissions ?? wf.permissions ?? {};
      expect(p['actions']).toBe('read');
      const pushOnly = /github\.event_name == 'push'/.test(j.if ?? '') && !/pull_request/.test(j.if ?? '');
      expect(p['contents']).toBe(pushOnly ? 'write' : 'read');
    }
  });

  it('never cancels a push run (each is recorded in the history)', () => {
    const c = wf.concurrency;
    if (!c || !('push' in wf.on)) return;
    // Cancelling only pull requests, and a group of its own (the run id) for every push.
    expect(c['cancel-in-progress']).toBe(['$', "{{ github.event_name == 'pull_request' }}"].join(''));
    expect(c.group).toMatch(/github\.event_name == 'pull_request' && github\.ref \|\| github\.run_id/);
  });

  it('a self-hosted runner never runs a fork pull request', () => {
    // The job itself, or the reusable workflow it calls, runs on a self-hosted runner.
    const selfHosted = (j: Job) =>
      JSON.stringify(j).includes('self-hosted') ||
      (j.uses !== undefined && readFileSync(path.join(examplesDir, path.dirname(file), path.basename(j.uses)), 'utf8').includes('runs-on: [self-hosted'));
    for (const j of jobs.filter(selfHosted)) {
      if (!('pull_request' in wf.on) || /github\.event_name == 'push'/.test(j.if ?? '')) continue;
      expect(j.if).toContain('github.event.pull_request.head.repo.full_name == github.repository');
    }
  });
});
