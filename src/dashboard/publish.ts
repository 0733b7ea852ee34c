// Publishing the dashboard into the history branch (action input `dashboard: true`): after a
// push run recorded itself, read the branch as it is now (one archive download), build the site
// exactly as `ml-lca dashboard --history CHECKOUT` does, and commit the files that changed under
// `docs/` on top of the version it was built from, through the history's own commit mechanism
// (optimistic, never forced). When another run moved the branch meanwhile, build again from the
// new version, so the site always shows the history of the commit it sits in.
//
// `docs/`, not `site/`: GitHub Pages publishes a branch's root or its `/docs` folder only, so
// Pages can serve this folder straight from the history branch with no deploy workflow.
import { unzipSync } from 'fflate';
import path from 'node:path';
import type { CommitResult } from '../history/tree.js';
import { memoryIo } from '../io.js';
import { branchReader, MAX_CARD_BYTES, readHistory } from './history.js';
import { buildSite, type SiteOptions } from './site.js';

/** The folder of the history branch the site goes to. */
export const SITE_DIR = 'docs';

/** The history branch as publishing needs it: the history store's backend, and the branch's files at a version. */
export interface PublishTarget {
  label: string;
  head(): Promise<string | null>;
  /** Every file of the branch at `version` (path -> text). */
  files(version: string): Promise<Map<string, string>>;
  commit(parent: string | null, files: ReadonlyMap<string, string>, message: string): Promise<CommitResult>;
}

export type PublishOutcome =
  | { kind: 'published'; version: string; changed: number; runs: number; scenarios: number; attempts: number; warnings: string[] }
  | { kind: 'unchanged'; runs: number; scenarios: number; warnings: string[] }
  | { kind: 'failed'; reason: string; attempts: number };

export interface PublishOptions extends SiteOptions {
  maxAttempts?: number;
  backoffMs?: (attempt: number) => number;
  sleep?: (ms: number) => Promise<void>;
}

/** A virtual root the branch's files are read under (memory only; nothing touches the disk). */
const ROOT = path.resolve('/ml-lca-history');

export async function publishDashboard(target: PublishTarget, opts: PublishOptions): Promise<PublishOutcome> {
  const max = opts.maxAttempts ?? 3;
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const backoff = opts.backoffMs ?? ((n: number) => 1000 * n * (0.5 + Math.random()));
  for (let attempt = 1; attempt <= max; attempt++) {
    try {
      const head = await target.head();
      if (head === null) return { kind: 'failed', reason: `${target.label} does not exist yet (no run recorded)`, attempts: attempt };
      const files = await target.files(head);
      const io = memoryIo(Object.fromEntries([...files].filter(([p]) => !p.startsWith(`${SITE_DIR}/`)).map(([p, text]) => [path.join(ROOT, p), text])));
      const read = await readHistory(ROOT, io, [branchReader]);
      const site = buildSite(read.records, read.warnings, opts);
      const changed = new Map<string, string>();
      for (const [rel, content] of Object.entries(site.files)) {
        const p = `${SITE_DIR}/${rel}`;
        if (files.get(p) !== content) changed.set(p, content);
      }
      const counts = { runs: site.model.totalRuns, scenarios: site.model.scenarios.length };
      if (changed.size === 0) return { kind: 'unchanged', ...counts, warnings: read.warnings };
      const r = await target.commit(head, changed, `ml-lca: dashboard of ${counts.runs} run(s), ${counts.scenarios} scenario(s)`);
      if (r.ok) return { kind: 'published', version: r.version, changed: changed.size, attempts: attempt, ...counts, warnings: read.warnings };
    } catch (e) {
      return { kind: 'failed', reason: e instanceof Error ? (e.message.split('\n')[0] ?? '') : String(e), attempts: attempt };
    }
    if (attempt < max) await sleep(backoff(attempt));
  }
  return { kind: 'failed', reason: `${target.label} kept moving: ${max} tries, each overtaken by another run`, attempts: max };
}

/** Limits on a branch archive: it holds small JSON files, nothing else is wanted from it. */
export const ARCHIVE_LIMITS = { maxFiles: 200_000, maxBytes: 2 * 1024 ** 3 };

/**
 * The text files of a branch archive as GitHub's zipball lays it out (one top folder, named after
 * the repository and commit, holding the tree), keyed by their path in the branch. Only the history
 * layout (`v1/`) and the site folder are kept; a file larger than a card, or an archive past the
 * limits, is refused (a zip bomb in a tampered branch must not exhaust the runner).
 */
export function filesFromZipball(zip: Uint8Array, limits = ARCHIVE_LIMITS): Map<string, string> {
  let files = 0;
  let bytes = 0;
  const wanted = (name: string) => /^[^/]+\/(v1|docs)\//.test(name) && !name.endsWith('/');
  const raw = unzipSync(zip, {
    filter: (f) => {
      if (!wanted(f.name)) return false;
      if (f.originalSize > MAX_CARD_BYTES) return false;
      files += 1;
      bytes += f.originalSize;
      if (files > limits.maxFiles || bytes > limits.maxBytes)
        throw new Error(`the branch archive holds more than ${limits.maxFiles} files or ${limits.maxBytes} bytes`);
      return true;
    },
  });
  const out = new Map<string, string>();
  const decoder = new TextDecoder();
  for (const [name, data] of Object.entries(raw)) out.set(name.slice(name.indexOf('/') + 1), decoder.decode(data));
  return out;
}
