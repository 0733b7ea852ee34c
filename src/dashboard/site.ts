// The static site: every file by its path below the site's root, and writing them. Pure up to
// `writeSite`, which writes through the Io (assets first, the index last, so a reader never
// follows a link to a page that is not there yet).
import path from 'node:path';
import type { Io } from '../io.js';
import { DASHBOARD_JS, UPLOT_CSS, UPLOT_JS, UPLOT_LICENSE, UPLOT_VERSION } from './assets.generated.js';
import { buildModel, type DashboardOptions, type SiteModel } from './model.js';
import { indexPage, type PageContext, scenarioPage, teamPage } from './pages.js';
import type { DashboardRun } from './record.js';
import { DASHBOARD_CSS } from './styles.js';

export interface SiteOptions extends DashboardOptions {
  /** ml-lca's version, shown in the footer. */
  version: string;
}

export interface Site {
  model: SiteModel;
  /** Relative path (with `/`) -> content. */
  files: Record<string, string>;
}

const LICENSES = (uplot: string) => `Third-party software in this site

assets/uPlot.iife.min.js, assets/uPlot.min.css: uPlot ${UPLOT_VERSION}, https://github.com/leeoniya/uPlot

${uplot}`;

/** All files of the site for de-duplicated records (oldest first). */
export function buildSite(records: readonly DashboardRun[], warnings: readonly string[], opts: SiteOptions): Site {
  const model = buildModel(records, warnings, opts);
  const ctx: PageContext = { model, version: opts.version, uplotVersion: UPLOT_VERSION };
  const files: Record<string, string> = {
    'assets/dashboard.css': DASHBOARD_CSS,
    'assets/dashboard.js': DASHBOARD_JS,
    'assets/uPlot.iife.min.js': UPLOT_JS,
    'assets/uPlot.min.css': UPLOT_CSS,
    'assets/LICENSES.txt': LICENSES(UPLOT_LICENSE),
    // GitHub Pages: serve the files as they are (no Jekyll).
    '.nojekyll': '',
  };
  for (const s of model.scenarios) files[`scenario/${s.slug}.html`] = scenarioPage(ctx, s);
  for (const t of model.teams) files[`team/${t.slug}.html`] = teamPage(ctx, t);
  files['index.html'] = indexPage(ctx);
  return { model, files };
}

/** Write the site below `outDir`, one folder at a time, the index last. Returns the paths written. */
export async function writeSite(outDir: string, files: Record<string, string>, io: Io): Promise<string[]> {
  const byDir = new Map<string, Record<string, string>>();
  for (const [rel, content] of Object.entries(files)) {
    const dir = path.posix.dirname(rel);
    const group = byDir.get(dir) ?? {};
    group[path.posix.basename(rel)] = content;
    byDir.set(dir, group);
  }
  const order = [...byDir.keys()].sort((a, b) => (a === '.' ? 1 : b === '.' ? -1 : a.localeCompare(b)));
  const written: string[] = [];
  for (const dir of order) written.push(...(await io.writeFilesAtomic(dir === '.' ? outDir : path.join(outDir, dir), byDir.get(dir)!)));
  return written;
}
