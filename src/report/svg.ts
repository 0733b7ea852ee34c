// Static SVG charts for places that do not render mermaid (a release page, a paper, a wiki):
// `lifetime.svg` (per-FU CO2e vs lifetime inferences, log-log, scenario and breakeven marked)
// and `stages.svg` (CO2e per stage, horizontal bars). Pure string builders: card in, SVG text out;
// every piece of text is XML-escaped; fixed size (720 px wide: readable in an 800 px column), no
// fonts or scripts loaded. Colours come from a <style> with a `prefers-color-scheme: dark` block,
// so the chart follows the reader's light or dark theme; each series keeps a contrast of at
// least 3:1 on its background. Labels are placed so that no two text boxes overlap (estimated
// widths, checked in a real browser by test/browser/svg.test.ts).
import type { ModelCard } from './card-schema.js';
import { clipText } from './escape.js';
import { compact, qty, scaleFor } from './format.js';

export function escapeXml(text: string): string {
  return (
    text
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
      // Characters XML 1.0 forbids outright (C0 controls other than tab, LF, CR).
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
  );
}

const W = 720;
const H = 420;
const M = { left: 84, right: 28, top: 88, bottom: 64 };
const FONT_SIZE = 13;
const FONT = `font-family="system-ui, -apple-system, 'Segoe UI', sans-serif" font-size="${FONT_SIZE}"`;
const TITLE_FONT = `font-family="system-ui, -apple-system, 'Segoe UI', sans-serif" font-size="15" font-weight="bold"`;

/**
 * Light and dark palettes (contrast on #ffffff / #0d1117): text 15:1 / 16:1, main series 5.2:1 /
 * 6.1:1, breakeven 5.4:1 / 5.5:1, scenario 5.1:1 / 7.6:1, floor and embodied 4.5:1 and more.
 */
const STYLE = [
  '<style>',
  '.bg{fill:#ffffff}.grid{stroke:#d0d7de}.text{fill:#1f2328}.muted{fill:#59636e}',
  '.main{stroke:#0969da}.main-fill{fill:#0969da}.floor{stroke:#59636e}.floor-text{fill:#59636e}',
  '.breakeven{stroke:#cf222e;fill:#cf222e}.scenario{stroke:#1a7f37;fill:#1a7f37}.embodied{fill:#bc4c00}',
  '.halo{paint-order:stroke;stroke:#ffffff;stroke-width:4px;stroke-linejoin:round}',
  '@media (prefers-color-scheme: dark){',
  '.bg{fill:#0d1117}.grid{stroke:#30363d}.text{fill:#e6edf3}.muted{fill:#9198a1}',
  '.main{stroke:#4493f8}.main-fill{fill:#4493f8}.floor{stroke:#9198a1}.floor-text{fill:#9198a1}',
  '.breakeven{stroke:#f85149;fill:#f85149}.scenario{stroke:#3fb950;fill:#3fb950}.embodied{fill:#db6d28}',
  '.halo{stroke:#0d1117}',
  '}',
  '</style>',
].join('');

const r2 = (x: number) => (Math.round(x * 100) / 100).toString();

/** A label's box, estimated: 0.6 em per character (system-ui digits and letters are narrower). */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export function textBox(text: string, x: number, baseline: number, anchor: 'start' | 'middle' | 'end', size = FONT_SIZE): Box {
  const w = [...text].length * size * 0.6;
  const left = anchor === 'start' ? x : anchor === 'middle' ? x - w / 2 : x - w;
  return { x: left, y: baseline - size, w, h: size * 1.3 };
}

export function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

function frame(title: string, body: string[], height = H): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${r2(height)}" viewBox="0 0 ${W} ${r2(height)}" role="img" aria-label="${escapeXml(title)}">`,
    `<title>${escapeXml(title)}</title>`,
    STYLE,
    `<rect class="bg" width="${W}" height="${r2(height)}"/>`,
    `<text class="text" x="${W / 2}" y="26" text-anchor="middle" ${TITLE_FONT}>${escapeXml(title)}</text>`,
    ...body,
    '</svg>',
    '',
  ].join('\n');
}

/** The chart's title: the scenario name clipped so the line fits the width. */
function titleOf(name: string, what: string): string {
  return `${clipText(name, Math.max(12, 68 - what.length))}: ${what}`;
}

/** Per-FU CO2e vs lifetime inferences on log-log axes; null without a positive curve. */
export function lifetimeSvg(card: ModelCard): string | null {
  const curve = (card.interpretation.lifetime_curve ?? []).filter((p) => p.inferences > 0 && p.co2e_g_per_fu > 0);
  if (curve.length < 2) return null;
  const fu = card.per_functional_unit;
  const floor = fu.marginal_co2e_g + fu.embodied_co2e_g;
  const xs = curve.map((p) => Math.log10(p.inferences));
  const ys = curve.map((p) => Math.log10(p.co2e_g_per_fu));
  if (floor > 0) ys.push(Math.log10(floor));
  const x0 = Math.floor(Math.min(...xs));
  const x1 = Math.ceil(Math.max(...xs));
  // One decade of room below the lowest value: the floor and its label never sit on the x axis.
  const y0 = Math.floor(Math.min(...ys)) - (Math.min(...ys) - Math.floor(Math.min(...ys)) < 0.3 ? 1 : 0);
  const y1 = Math.max(y0 + 1, Math.ceil(Math.max(...ys)));
  const pw = W - M.left - M.right;
  const ph = H - M.top - M.bottom;
  const X = (lx: number) => M.left + ((lx - x0) / Math.max(1e-9, x1 - x0)) * pw;
  const Y = (ly: number) => M.top + ph - ((ly - y0) / Math.max(1e-9, y1 - y0)) * ph;
  const body: string[] = [];
  const title = titleOf(card.scenario.name, 'CO2e per functional unit vs lifetime inferences');
  const placed: Box[] = [textBox(title, W / 2, 26, 'middle', 15)];
  const text = (cls: string, s: string, x: number, y: number, anchor: 'start' | 'middle' | 'end', extra = '') => {
    placed.push(textBox(s, x, y, anchor));
    return `<text class="${cls}" x="${r2(x)}" y="${r2(y)}" text-anchor="${anchor}" ${FONT}${extra}>${escapeXml(s)}</text>`;
  };
  body.push('<g class="grid" stroke-width="1">');
  for (let e = x0; e <= x1; e++) body.push(`<line x1="${r2(X(e))}" y1="${M.top}" x2="${r2(X(e))}" y2="${M.top + ph}"/>`);
  for (let e = y0; e <= y1; e++) body.push(`<line x1="${M.left}" y1="${r2(Y(e))}" x2="${M.left + pw}" y2="${r2(Y(e))}"/>`);
  body.push('</g>');
  // Axis ticks in real units: inferences compact (1M, 1B), g CO2e SI-prefixed (1 g, 10 g, 100 mg).
  const everyOther = x1 - x0 > 8;
  for (let e = x0; e <= x1; e++) if (!everyOther || (e - x0) % 2 === 0) body.push(text('muted', compact(10 ** e), X(e), M.top + ph + 22, 'middle'));
  for (let e = y0; e <= y1; e++) body.push(text('muted', plain(qty(10 ** e, 'g CO2e')).replace(/ CO2e$/, ''), M.left - 8, Y(e) + 4, 'end'));
  body.push(text('muted', 'lifetime inferences (log scale)', M.left + pw / 2, H - 18, 'middle'));
  body.push(
    `<text class="muted" transform="translate(20 ${r2(M.top + ph / 2)}) rotate(-90)" text-anchor="middle" ${FONT}>g CO2e per functional unit (log scale)</text>`,
  );
  const pts = curve.map((p) => `${r2(X(Math.log10(p.inferences)))},${r2(Y(Math.log10(p.co2e_g_per_fu)))}`).join(' ');
  body.push(`<polyline class="main" points="${pts}" fill="none" stroke-width="3"/>`);
  if (floor > 0) {
    const fy = Y(Math.log10(floor));
    body.push(`<line class="floor" x1="${M.left}" y1="${r2(fy)}" x2="${M.left + pw}" y2="${r2(fy)}" stroke-width="1.5" stroke-dasharray="6 4"/>`);
    // Below the line, at the right end: the curve runs into the floor from above, and the axis is
    // a decade lower (y0), so nothing else is there.
    body.push(text('floor-text halo', `per-inference floor (marginal + embodied) ${plain(qty(floor, 'g CO2e'))}`, M.left + pw - 6, fy + 18, 'end'));
  }
  // Marked points (breakeven, scenario): a dashed line, a dot, and a label in the band above the
  // plot, on the first row where it overlaps no label already placed; kept inside the frame.
  for (const p of curve.filter((q) => q.label)) {
    const cx = X(Math.log10(p.inferences));
    const cls = p.label === 'breakeven' ? 'breakeven' : 'scenario';
    const label = `${p.label} ${compact(p.inferences)}: ${plain(qty(p.co2e_g_per_fu, 'g CO2e'))}`;
    const w = textBox(label, 0, 0, 'start').w;
    const lx = Math.min(Math.max(cx, M.left + w / 2), W - M.right - w / 2);
    const rowY = (row: number) => M.top - 10 - row * 18;
    let row = 0;
    while (row < 2 && placed.some((b) => overlaps(b, textBox(label, lx, rowY(row), 'middle')))) row++;
    body.push(
      `<line class="${cls}" x1="${r2(cx)}" y1="${M.top}" x2="${r2(cx)}" y2="${M.top + ph}" stroke-width="1.5" stroke-dasharray="3 3"/>`,
      `<circle class="${cls}" cx="${r2(cx)}" cy="${r2(Y(Math.log10(p.co2e_g_per_fu)))}" r="5"/>`,
      text(`${cls} halo`, label, lx, rowY(row), 'middle'),
    );
  }
  return frame(title, body);
}

/** `9.37 g CO2e` with ordinary spaces (an SVG text has no line to wrap). */
function plain(s: string): string {
  return s.replace(/\u00a0/g, ' ');
}

/** CO2e per stage, operational and embodied stacked, one horizontal bar per stage, in one unit. */
export function stagesSvg(card: ModelCard): string | null {
  const rows = Object.entries(card.stages);
  const max = Math.max(0, ...rows.map(([, s]) => s.co2e_kg));
  if (rows.length === 0 || !(max > 0)) return null;
  const sc = scaleFor(
    rows.map(([, s]) => s.co2e_kg),
    'kg CO2e',
  );
  const left = 180;
  const pw = W - left - 110;
  const top = 48;
  const bh = Math.max(14, Math.min(36, (H - top - 64) / rows.length - 8));
  const body: string[] = [];
  rows.forEach(([name, s], i) => {
    const y = top + 8 + i * (bh + 8);
    const wOp = (s.operational_co2e_kg / max) * pw;
    const wEm = (s.embodied_co2e_kg / max) * pw;
    body.push(
      `<text class="text" x="${left - 8}" y="${r2(y + bh / 2 + 4)}" text-anchor="end" ${FONT}>${escapeXml(clipText(name, 24))}</text>`,
      `<rect class="main-fill" x="${left}" y="${r2(y)}" width="${r2(wOp)}" height="${r2(bh)}"><title>${escapeXml(`${name} operational ${plain(sc.withUnit(s.operational_co2e_kg))}`)}</title></rect>`,
      `<rect class="embodied" x="${r2(left + wOp)}" y="${r2(y)}" width="${r2(wEm)}" height="${r2(bh)}"><title>${escapeXml(`${name} embodied ${plain(sc.withUnit(s.embodied_co2e_kg))}`)}</title></rect>`,
      `<text class="text" x="${r2(left + wOp + wEm + 6)}" y="${r2(y + bh / 2 + 4)}" ${FONT}>${escapeXml(plain(sc.withUnit(s.co2e_kg)))}</text>`,
    );
  });
  const height = top + 8 + rows.length * (bh + 8) + 40;
  const ly = height - 16;
  body.push(
    `<rect class="main-fill" x="${left}" y="${ly - 11}" width="12" height="12"/><text class="text" x="${left + 18}" y="${ly}" ${FONT}>operational</text>`,
    `<rect class="embodied" x="${left + 120}" y="${ly - 11}" width="12" height="12"/><text class="text" x="${left + 138}" y="${ly}" ${FONT}>embodied</text>`,
  );
  return frame(titleOf(card.scenario.name, `CO2e per stage (${sc.unit})`), body, height);
}

/** The SVG files for the output directory, by file name; charts without data are left out. */
export function svgCharts(card: ModelCard): Record<string, string> {
  const out: Record<string, string> = {};
  const lifetime = lifetimeSvg(card);
  if (lifetime) out['lifetime.svg'] = lifetime;
  const stages = stagesSvg(card);
  if (stages) out['stages.svg'] = stages;
  return out;
}
