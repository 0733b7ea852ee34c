// A real mermaid parser for tests: `mermaid.parse()` from the mermaid package (devDependency),
// which needs a DOM for its sanitizer: test files that use this run under
// `// @vitest-environment happy-dom`. It validates the diagram grammar (pie via
// @mermaid-js/parser, xychart-beta via mermaid's jison grammar) without rendering.

export async function parseMermaid(text: string): Promise<string> {
  const { default: mermaid } = await import('mermaid');
  const r = await mermaid.parse(text);
  if (!r) throw new Error('mermaid.parse returned false');
  return r.diagramType;
}

/** The bodies of every ```mermaid block in a markdown text. */
export function mermaidBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/```mermaid\n([\s\S]*?)\n```/g)].map((m) => m[1] ?? '');
}
