import { describe, expect, it } from 'vitest';
import { hasMarker, markerFor } from '../../src/report/marker.js';

describe('markerFor', () => {
  it.each([
    ['olmo2-7b-chat', '<!-- ml-lca:olmo2-7b-chat -->'],
    ['a b', '<!-- ml-lca:a_b -->'],
    // A name that tries to close the comment and inject HTML stays inside it.
    ['x --> <script>alert(1)</script> <!--', '<!-- ml-lca:x_-_script_alert_1_/script_ -->'],
    ['--', '<!-- ml-lca:_ -->'],
    ['', '<!-- ml-lca:_ -->'],
    ['line\nbreak', '<!-- ml-lca:line_break -->'],
  ])('%j', (name, expected) => {
    expect(markerFor(name)).toBe(expected);
  });

  it('never contains -- or > inside the comment', () => {
    for (const name of ['a-->b', '--->', 'a--b', '>>', 'x\u2014\u2014>y']) {
      const inner = markerFor(name).slice('<!-- '.length, -' -->'.length);
      expect(inner).not.toMatch(/--|>/);
    }
  });

  it('caps the length at 100 characters of name', () => {
    expect(markerFor('x'.repeat(500))).toBe(`<!-- ml-lca:${'x'.repeat(100)} -->`);
  });
});

describe('hasMarker', () => {
  it.each([
    [`${markerFor('chat')}\n## report`, 'chat', true],
    [`${markerFor('chat-2')}\n## report`, 'chat', false],
    ['<!-- ml-lca:chat-->', 'chat', false],
    [`text ${markerFor('chat')} text`, 'chat', true],
  ])('%j has marker of %s: %s', (body, name, expected) => {
    expect(hasMarker(body, name)).toBe(expected);
  });
});
