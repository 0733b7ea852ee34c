// WCAG 2 contrast of two colours, for the chart colour tests (node) and the browser tests.

/** WCAG 2 contrast ratio of two CSS colours (`rgb(…)` or `#rrggbb`). */
export function contrastRatio(a: string, b: string): number {
  const lum = (c: string) => {
    const rgb = parseColor(c)
      .map((v) => v / 255)
      .map((v) => (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
    return 0.2126 * rgb[0]! + 0.7152 * rgb[1]! + 0.0722 * rgb[2]!;
  };
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p) as [number, number];
  return (x + 0.05) / (y + 0.05);
}

function parseColor(c: string): number[] {
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(c.trim());
  if (hex) return hex.slice(1).map((h) => Number.parseInt(h, 16));
  const rgb = /rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)/.exec(c);
  if (rgb) return rgb.slice(1, 4).map(Number);
  throw new Error(`not a colour: ${c}`);
}
