// @vitest-environment happy-dom
// Issue 13, items 1 and 3: a card read from outside this run (a fork's artifact, a baseline) is
// untrusted in every string, including those ml-lca itself normally writes (the uncertainty
// method, the SCI note). Rendered, it must be inert: no heading, HTML, mention, second marker,
// link, image or workflow command, and every mermaid chart must still parse, with a fallback
// label where a stage or parameter name cleans to nothing.
import { beforeEach, describe, expect, it } from 'vitest';
import { renderReport } from '../../src/report/markdown.js';
import { stagePie, tornadoChart } from '../../src/report/charts.js';
import { commentBody } from '../../src/github/comment.js';
import { hostileCard, injectionProblems } from './hostile-card.js';
import { mermaidBlocks, parseMermaid } from './mermaid-parse.js';

import type { ModelCard } from '../../src/report/card-schema.js';

// Made before each test, not while the file is collected (see test/per-test.ts: mutation testing).
let card: ModelCard;
beforeEach(async () => {
  card = await hostileCard();
});

describe('a hostile card renders inertly', () => {
  it('the card really is hostile (the checks can fail)', () => {
    expect(card.interpretation.uncertainty.method).toContain('<img');
    expect(card.interpretation.sci?.note).toContain('::error::');
    expect(injectionProblems('x\n## Heading from the fork\n<img src=x> @admin <!-- a --> <!-- b --> `<!-- c -->`')).toEqual([
      '3 HTML comments (a second ml-lca marker?)',
      'raw HTML tag <img>',
      'an @-mention that would ping',
      'a heading from the fork',
    ]);
    expect(injectionProblems('see https://evil.example/a and www.evil.example')).toEqual(['a bare URL that would autolink']);
  });

  it('the report and the comment body have none of the injections', () => {
    expect(injectionProblems(renderReport(card))).toEqual([]);
    const body = commentBody(card);
    expect(injectionProblems(body)).toEqual([]);
    // One marker, at the top, sanitised: the fork's `<!-- ml-lca:other -->` is text.
    expect(body.match(/<!-- ml-lca:/g)).toHaveLength(1);
    expect(body.startsWith('<!-- ml-lca:x_error_pwned-by-fork_Heading_from_the_fork_details_open_summary_open_me_/summary_ -->\n')).toBe(true);
    // The escaped text is still there for a reader.
    expect(body).toContain('&lt;img src="https\\://evil.example/x.png"&gt; @\u200dadmin &lt;\\!-- ml-lca:other --&gt;');
  });

  it('the uncertainty method and the SCI note are escaped like any card text', () => {
    const md = renderReport(card);
    expect(md).toContain('- Method: &lt;img src="https\\://evil.example/x.png"&gt; @\u200dadmin &lt;\\!-- ml-lca:other --&gt;.');
    expect(md).toContain('x ::error::pwned-by-fork \\#\\# Heading from the fork &lt;details open&gt;&lt;summary&gt;open me&lt;/summary&gt;');
  });

  it('stage and parameter labels that clean to nothing get a fallback, and every chart parses', async () => {
    const pie = stagePie(card) ?? '';
    expect(pie).toContain('"stage 1" : ');
    expect(pie).not.toContain('""');
    const tornado = tornadoChart(card) ?? '';
    expect(tornado).toMatch(/x-axis \["parameter 1", "parameter 2", "parameter 3"/);
    const blocks = mermaidBlocks(renderReport(card));
    expect(blocks.length).toBeGreaterThanOrEqual(3);
    for (const b of blocks) expect(['pie', 'xychart'], b).toContain(await parseMermaid(b));
  });
});
