// `nvidia-smi dmon` (-s p / -s pucvmet, optionally -o T or -o DT): fixed-width columns, `#` header
// lines (names, then units), repeated every screenful; `pwr` in W; `-` when not available.
// `-o T` adds `Time` (HH:MM:SS, no date: times are relative and wrap at midnight; start/end are
// then not reported), `-o DT` adds `Date` (YYYYMMDD) too. Without them the samples have no
// timestamp: pass --interval (dmon's default -d is 1 s).
import { InputError } from '../../errors.js';
import { readLines } from '../lines.js';
import { firstLines } from '../sniff.js';
import { parseCompactDate, parseTimeOfDay } from '../time.js';
import type { LogFormat } from '../types.js';
import { unitFactor } from '../units.js';

export const nvidiaSmiDmon: LogFormat = {
  id: 'nvidia-smi-dmon',
  description: 'nvidia-smi dmon (fixed width, # header lines)',
  sniff(head) {
    const first = firstLines(head, 1)[0] ?? '';
    return /^#\s*(Date\s+)?(Time\s+)?gpu\s+/i.test(first) && /\bpwr\b/i.test(first) ? 0.95 : 0;
  },
  async parse(stream, ctx) {
    const out = ctx.out;
    out.scope = 'device';
    let names: string[] | null = null;
    let units: string[] | null = null;
    let iGpu = -1;
    let iPwr = -1;
    let iDate = -1;
    let iTime = -1;
    let factor = 1;
    let dayOffset = 0;
    let lastTod = -1;
    for await (const ln of readLines(stream, ctx.path)) {
      const text = ln.text.trim();
      if (text === '') continue;
      if (text.startsWith('#')) {
        const cells = text.slice(1).trim().split(/\s+/);
        if (cells.some((c) => /^pwr$/i.test(c))) {
          names = cells.map((c) => c.toLowerCase());
          iGpu = names.indexOf('gpu');
          iPwr = names.indexOf('pwr');
          iDate = names.indexOf('date');
          iTime = names.indexOf('time');
          units = null;
        } else if (names !== null && units === null) {
          units = cells;
          const u = units[iPwr];
          factor = u ? (unitFactor(u, 'power') ?? 1) : 1;
        }
        continue;
      }
      if (names === null || iPwr < 0) {
        throw new InputError({
          code: 'LOG_CORRUPT',
          file: ctx.path,
          line: ln.n,
          expected: 'a `# gpu pwr ...` header line before data',
          got: JSON.stringify(text.slice(0, 60)),
        });
      }
      out.rows++;
      const cells = text.split(/\s+/);
      if (cells.length !== names.length) {
        out.reject(ln.n, ln.terminated ? `expected ${names.length} columns` : 'truncated last line');
        continue;
      }
      let t: number | null = null;
      if (iTime >= 0) {
        const tod = parseTimeOfDay(cells[iTime] ?? '');
        if (tod === null) {
          out.reject(ln.n, 'unparseable time');
          continue;
        }
        if (iDate >= 0) {
          const day = parseCompactDate(cells[iDate] ?? '');
          if (day === null) {
            out.reject(ln.n, 'unparseable date');
            continue;
          }
          t = day + tod;
        } else {
          if (lastTod >= 0 && tod < lastTod - 43200) dayOffset += 86400;
          lastTod = tod;
          t = dayOffset + tod;
        }
      }
      const raw = cells[iPwr] ?? '-';
      const w = raw === '-' ? Number.NaN : Number(raw) * factor;
      const gpu = iGpu >= 0 ? (cells[iGpu] ?? '0') : '0';
      if (!Number.isFinite(w) && raw !== '-') {
        out.reject(ln.n, 'pwr is not a number');
        continue;
      }
      out.device(gpu).addPower(t, w);
    }
    if (names === null) throw new InputError({ code: 'LOG_CORRUPT', file: ctx.path, expected: 'nvidia-smi dmon output', got: 'no header' });
    if (iTime >= 0 && iDate < 0) {
      out.relativeTime = true;
      out.warn('dmon -o T logs time of day without a date: energy is exact, start/end are not reported');
    }
  },
};
