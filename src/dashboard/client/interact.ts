// Pointer and keyboard on a chart. The chart's container is focusable: ← → step between points
// (PageUp / PageDown by ten, Home / End to the ends), Enter opens the point's commit, and a
// polite live region reads the point out. A click on the plot opens the commit of the nearest
// point. Links come only from ChartSpec.href (a validated SHA and the repository URL).
import type { ChartSpec } from './charts.js';

export interface Mounted {
  spec: ChartSpec;
  plot: uPlot;
  /** The point the keyboard is on, or null before the first key. */
  index: number | null;
}

/** Go to a URL as a link would: a new tab with Ctrl / ⌘ / middle click, else this tab. */
function follow(url: string, newTab: boolean): void {
  if (newTab) window.open(url, '_blank', 'noopener');
  else window.location.assign(url);
}

/** Put uPlot's cursor on point `idx` (x value) at the main series' value. */
function placeCursor(m: Mounted, idx: number): void {
  const x = m.plot.data[0][idx];
  if (x === undefined || x === null) return;
  const y = m.spec.yAt(idx);
  const left = m.plot.valToPos(x, 'x');
  const top = y === null ? m.plot.bbox.height / (2 * (window.devicePixelRatio || 1)) : m.plot.valToPos(y, m.spec.yScale);
  m.plot.setCursor({ left, top });
}

export function attach(m: Mounted, container: HTMLElement, status: HTMLElement | null): void {
  const say = (idx: number) => {
    if (status) status.textContent = m.spec.describe(idx);
  };
  const moveTo = (idx: number) => {
    const i = Math.max(0, Math.min(m.spec.points - 1, idx));
    m.index = i;
    placeCursor(m, i);
    say(i);
  };

  container.addEventListener('keydown', (e) => {
    if (m.spec.points === 0) return;
    const cur = m.index ?? m.spec.points - 1;
    const steps: Record<string, number> = { ArrowRight: 1, ArrowLeft: -1, ArrowUp: 1, ArrowDown: -1, PageUp: 10, PageDown: -10 };
    if (e.key in steps) moveTo(m.index === null ? cur : cur + (steps[e.key] ?? 0));
    else if (e.key === 'Home') moveTo(0);
    else if (e.key === 'End') moveTo(m.spec.points - 1);
    else if (e.key === 'Enter' || e.key === ' ') {
      const url = m.spec.href(cur);
      if (!url) return;
      follow(url, e.ctrlKey || e.metaKey);
    } else return;
    e.preventDefault();
  });
  // A click (not the end of a drag-to-zoom) opens the point nearest to where the button went down.
  let down: { x: number; y: number; idx: number | null | undefined } | null = null;
  const over = m.plot.over;
  over.addEventListener('mousedown', (e) => {
    down = { x: e.clientX, y: e.clientY, idx: m.plot.cursor.idx };
  });
  // Focus from the keyboard starts on the newest point; focus from a click leaves the cursor where the pointer is.
  container.addEventListener('focus', () => {
    if (down === null && m.index === null && m.spec.points > 0) moveTo(m.spec.points - 1);
  });
  over.addEventListener('click', (e) => {
    const moved = down !== null && Math.hypot(e.clientX - down.x, e.clientY - down.y) > 4;
    const idx = down?.idx ?? m.plot.cursor.idx;
    down = null;
    if (moved || idx === null || idx === undefined) return;
    m.index = idx;
    say(idx);
    const url = m.spec.href(idx);
    if (url) follow(url, e.ctrlKey || e.metaKey || e.button === 1);
  });
  if (m.spec.href(m.spec.points - 1) !== null) over.style.cursor = 'pointer';
}
