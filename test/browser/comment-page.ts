/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The PR comment as a reviewer sees it, approximated without the network: the markdown rendered
// by a GitHub-flavoured renderer (marked, GFM tables), styled with github-markdown-css (GitHub's
// own stylesheet, light or dark), 800 px wide at the 14 px of a comment, and every ```mermaid
// block drawn by mermaid (from node_modules) the way GitHub draws it: an SVG per block.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { marked } from 'marked';
import type { Page } from 'playwright-core';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CSS = readFileSync(path.join(ROOT, 'node_modules/github-markdown-css/github-markdown.css'), 'utf8');
const MERMAID = path.join(ROOT, 'node_modules/mermaid/dist/mermaid.min.js');

/** Width of a PR comment's body on github.com at a common window size. */
export const COMMENT_WIDTH = 800;

export type Scheme = 'light' | 'dark';

export interface RenderedComment {
  /** Every mermaid block that failed to render, with mermaid's message. */
  mermaidErrors: string[];
  /** How many mermaid blocks rendered. */
  mermaidBlocks: number;
}

export function commentHtml(markdown: string): string {
  const body = marked.parse(markdown, { gfm: true, async: false });
  return [
    '<!doctype html><html><head><meta charset="utf-8">',
    `<style>${CSS}</style>`,
    '<style>',
    'html, body { margin: 0; }',
    `.markdown-body { box-sizing: border-box; width: ${COMMENT_WIDTH}px; min-height: 100vh; padding: 16px; font-size: 14px; }`,
    '</style></head>',
    `<body><article class="markdown-body">${body}</article></body></html>`,
  ].join('\n');
}

/** Load the comment into the page in a colour scheme, then draw its mermaid blocks. */
export async function showComment(page: Page, markdown: string, scheme: Scheme): Promise<RenderedComment> {
  await page.emulateMedia({ colorScheme: scheme });
  await page.setContent(commentHtml(markdown), { waitUntil: 'load' });
  await page.addScriptTag({ path: MERMAID });
  return page.evaluate(async (dark) => {
    // biome-ignore lint/suspicious/noExplicitAny: mermaid's global from its UMD bundle
    const mermaid = (globalThis as any).mermaid;
    mermaid.initialize({ startOnLoad: false, theme: dark ? 'dark' : 'default', securityLevel: 'strict' });
    const blocks = [...document.querySelectorAll('pre > code.language-mermaid')];
    const errors: string[] = [];
    let i = 0;
    for (const code of blocks) {
      const pre = code.parentElement as HTMLElement;
      // Draw with the block's details open (GitHub draws when the section opens).
      const details = pre.closest('details');
      const wasOpen = details?.open ?? true;
      if (details) details.open = true;
      try {
        const { svg } = await mermaid.render(`mermaid-${i++}`, code.textContent ?? '');
        const div = document.createElement('div');
        div.className = 'mermaid-chart';
        div.innerHTML = svg;
        pre.replaceWith(div);
      } catch (e) {
        errors.push(String(e instanceof Error ? e.message : e));
      }
      if (details) details.open = wasOpen;
    }
    return { mermaidErrors: errors, mermaidBlocks: blocks.length };
  }, scheme === 'dark');
}

/** The top of the first `<details>` (px from the top of the page): what shows before any click. */
export async function foldHeight(page: Page): Promise<number> {
  return page.evaluate(() => {
    const d = document.querySelector('details');
    const end = d ? d.getBoundingClientRect().top : document.body.scrollHeight;
    return end + window.scrollY;
  });
}

/** Lines of text before the first `<details>` as rendered (table rows count one each). */
export async function foldLines(page: Page): Promise<number> {
  return page.evaluate(() => {
    const first = document.querySelector('details');
    let lines = 0;
    for (const el of document.querySelector('.markdown-body')?.children ?? []) {
      if (el === first) break;
      if (el.tagName === 'TABLE') {
        lines += el.querySelectorAll('tr').length;
        continue;
      }
      const lh = Number.parseFloat(getComputedStyle(el).lineHeight) || 21;
      const items = el.tagName === 'UL' || el.tagName === 'OL' ? [...el.children] : [el];
      for (const item of items) lines += Math.max(1, Math.round(item.getBoundingClientRect().height / lh));
    }
    return lines;
  });
}

export async function openAllDetails(page: Page): Promise<void> {
  await page.evaluate(() => {
    for (const d of document.querySelectorAll('details')) d.open = true;
  });
}

/** Tables wider than the comment (they scroll sideways on GitHub): their first header cells and widths. */
export async function overflowingTables(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const body = document.querySelector('.markdown-body') as HTMLElement;
    const right = body.getBoundingClientRect().right - Number.parseFloat(getComputedStyle(body).paddingRight);
    return [...document.querySelectorAll('table')]
      .filter((t) => t.scrollWidth > t.clientWidth + 1 || t.getBoundingClientRect().right > right + 1)
      .map((t) => `${t.querySelector('th')?.textContent ?? '?'} … (${t.scrollWidth} px)`);
  });
}

/** The page background behind the comment, as `#rrggbb`. */
export async function backgroundColor(page: Page): Promise<string> {
  return page.evaluate(() => getComputedStyle(document.querySelector('.markdown-body') as HTMLElement).backgroundColor);
}

/**
 * The colour of each chart's first data series as drawn: the first line of an xychart (its
 * stroke) or its first bar (its fill), by chart index.
 */
export async function mainSeriesColors(page: Page): Promise<Array<{ chart: number; kind: string; color: string }>> {
  return page.evaluate(() =>
    [...document.querySelectorAll('.mermaid-chart svg')].flatMap((svg, chart) => {
      const line = svg.querySelector('g[class*="line-plot"] path');
      if (line) return [{ chart, kind: 'line', color: getComputedStyle(line).stroke }];
      const bar = svg.querySelector('g[class*="bar-plot"] rect');
      if (bar) return [{ chart, kind: 'bar', color: getComputedStyle(bar).fill }];
      return [];
    }),
  );
}

/** Boxes of the x-axis labels of each xychart, to check that none overlaps the next. */
export async function xLabelOverlaps(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const svg of document.querySelectorAll('.mermaid-chart svg')) {
      for (const axis of svg.querySelectorAll('g[class*="bottom-axis"] g[class*="label"], g[class*="left-axis"] g[class*="label"]')) {
        const boxes = [...axis.querySelectorAll('text')].map((t) => ({ text: t.textContent ?? '', r: t.getBoundingClientRect() }));
        for (let i = 0; i < boxes.length; i++) {
          for (let j = i + 1; j < boxes.length; j++) {
            const a = boxes[i]!.r;
            const b = boxes[j]!.r;
            if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) out.push(`${boxes[i]!.text} / ${boxes[j]!.text}`);
          }
        }
      }
    }
    return out;
  });
}

export { contrastRatio } from '../report/contrast.js';
