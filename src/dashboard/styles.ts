// The dashboard's stylesheet (assets/dashboard.css). Light and dark from prefers-color-scheme;
// the chart colours are CSS variables the client reads, so canvas charts follow the scheme too.
//
// Palette: Okabe & Ito, "Color Universal Design" (2008), distinguishable with the common forms of
// colour blindness. Lines keep a 3:1 contrast with their background (WCAG 2.1 SC 1.4.11): the
// main series is blue on light and sky blue on dark; the budget line is vermillion; the warn
// level is the palette's orange darkened to #b36b00 (the original #e69f00 is 2.3:1 on white).
// Lines are told apart by dash pattern and legend text as well, never by colour alone.

export const SERIES_COLOURS = ['#e69f00', '#56b4e9', '#009e73', '#f0e442', '#0072b2', '#d55e00', '#cc79a7'] as const;
export const OTHER_COLOUR = '#999999';

export const DASHBOARD_CSS = `:root {
  color-scheme: light dark;
  --bg: #ffffff;
  --fg: #1b1f24;
  --muted: #57606a;
  --border: #d0d7de;
  --panel: #f6f8fa;
  --link: #0550ae;
  --focus: #0072b2;
  --c-main: #0072b2;
  --c-band: rgba(0, 114, 178, 0.18);
  --c-budget: #d55e00;
  --c-warn: #b36b00;
  --c-projection: #009e73;
  --c-grid: rgba(27, 31, 36, 0.12);
${SERIES_COLOURS.map((c, i) => `  --c-s${i + 1}: ${c};`).join('\n')}
  --c-other: ${OTHER_COLOUR};
  --pass: #1a7f37;
  --warn: #9a6700;
  --fail: #cf222e;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #0f1419;
    --fg: #e6edf3;
    --muted: #9da7b3;
    --border: #30363d;
    --panel: #161b22;
    --link: #79c0ff;
    --focus: #56b4e9;
    --c-main: #56b4e9;
    --c-band: rgba(86, 180, 233, 0.22);
    --c-grid: rgba(230, 237, 243, 0.14);
    --pass: #3fb950;
    --warn: #d29922;
    --fail: #ff7b72;
  }
}
* { box-sizing: border-box; }
html { background: var(--bg); color: var(--fg); }
body { margin: 0 auto; max-width: 1100px; padding: 0 1rem 2rem; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; }
a { color: var(--link); }
a:focus-visible, summary:focus-visible, .chart:focus-visible, button:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.skip { position: absolute; left: -10000px; }
.skip:focus { left: 1rem; top: 0.5rem; background: var(--bg); padding: 0.25rem 0.5rem; }
header { border-bottom: 1px solid var(--border); padding: 0.75rem 0; margin-bottom: 1rem; }
header nav { font-size: 0.9rem; color: var(--muted); }
h1 { font-size: 1.6rem; margin: 0.5rem 0; overflow-wrap: anywhere; }
h2 { font-size: 1.25rem; margin: 2rem 0 0.5rem; border-bottom: 1px solid var(--border); padding-bottom: 0.25rem; overflow-wrap: anywhere; }
h3 { font-size: 1.05rem; margin: 1.25rem 0 0.5rem; }
p.lede, .muted { color: var(--muted); }
dl.facts { display: grid; grid-template-columns: repeat(auto-fill, minmax(12rem, 1fr)); gap: 0.5rem 1.5rem; margin: 1rem 0; }
dl.facts div { background: var(--panel); border: 1px solid var(--border); border-radius: 6px; padding: 0.5rem 0.75rem; }
dl.facts dt { font-size: 0.8rem; color: var(--muted); }
dl.facts dd { margin: 0; font-size: 1.1rem; font-variant-numeric: tabular-nums; overflow-wrap: anywhere; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
caption { text-align: left; color: var(--muted); padding: 0.25rem 0; }
th, td { border-bottom: 1px solid var(--border); padding: 0.35rem 0.6rem; text-align: left; vertical-align: middle; }
th { font-weight: 600; white-space: nowrap; }
td.num, th.num { text-align: right; white-space: nowrap; }
td.name { overflow-wrap: anywhere; }
code { font-size: 0.9em; }
.verdict { font-weight: 600; white-space: nowrap; }
.verdict-pass, .status-pass { color: var(--pass); }
.verdict-warn, .status-warn, .verdict-incomplete { color: var(--warn); }
.verdict-fail, .status-fail, .verdict-error { color: var(--fail); }
svg.spark { width: 120px; height: 28px; display: block; }
svg.spark polyline { fill: none; stroke: var(--c-main); stroke-width: 1.5; vector-effect: non-scaling-stroke; }
svg.spark circle { fill: var(--c-main); }
figure { margin: 0.5rem 0 1rem; }
figcaption { color: var(--muted); font-size: 0.9rem; }
.chart { min-height: 300px; border: 1px solid var(--border); border-radius: 6px; padding: 0.25rem; background: var(--bg); }
.chart:focus { outline: none; }
.chart-status { min-height: 1.5em; font-size: 0.9rem; font-variant-numeric: tabular-nums; }
.keys { font-size: 0.85rem; color: var(--muted); }
details { margin: 0.5rem 0; }
details > summary { cursor: pointer; color: var(--link); }
details table { margin-top: 0.5rem; font-size: 0.9rem; }
.warnings li { overflow-wrap: anywhere; }
footer { margin-top: 3rem; border-top: 1px solid var(--border); padding-top: 0.75rem; font-size: 0.85rem; color: var(--muted); }
noscript p { background: var(--panel); padding: 0.5rem; }
/* uPlot's legend and axes follow the page's colours. */
.uplot, .uplot .u-legend { color: var(--fg); font-family: inherit; }
.uplot .u-legend { font-size: 0.85rem; }
.u-select { background: var(--c-band); }
`;
