// Expected report text is written with ordinary spaces; the output has a non-breaking space
// between a number and its unit or `%` (format.ts). `nb` puts them back where they belong.
import { NBSP } from '../../src/report/format.js';

export const nb = (s: string): string => s.replace(/(?<=[\d.,—]) (?=%|[µmkMGT]?(?:g|t|Wh|L|W)\b|m³|USD\b|h\b|years\b)/g, NBSP);
