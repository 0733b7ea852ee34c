// A home-made power or energy log as JSON lines, one sample per line, keys as in a generic CSV
// header (columns.ts): {"timestamp": "2024-10-13T03:33:31Z", "device": "0", "power_w": 312.4}
// or {"ts": 1728790411.2, "gpu": 1, "energy_j": 12.5}. Values may be numbers or strings.
import { type ColumnPlan, planFromHeader } from '../columns.js';
import { readLines } from '../lines.js';
import { firstLines } from '../sniff.js';
import { TimeColumn } from '../time.js';
import type { LogFormat } from '../types.js';
import { readUnit } from '../units.js';
import { InputError } from '../../errors.js';

function keysOf(line: string): string[] | null {
  try {
    const v: unknown = JSON.parse(line);
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.keys(v) : null;
  } catch {
    return null;
  }
}

export const genericJsonl: LogFormat = {
  id: 'power-jsonl',
  description: 'generic power/energy JSON lines (timestamp, device, power_w | energy_j)',
  sniff(head) {
    const first = firstLines(head, 1)[0] ?? '';
    if (!first.startsWith('{')) return 0;
    const keys = keysOf(first);
    if (!keys) return 0;
    const plan = planFromHeader(keys);
    return plan ? 0.7 : 0;
  },
  async parse(stream, ctx) {
    const out = ctx.out;
    out.scope = 'device';
    const plans = new Map<string, ColumnPlan | null>();
    // One time column per key set (plan): absolute or relative seconds, decided by its first value.
    const times = new Map<ColumnPlan, TimeColumn>();
    for await (const ln of readLines(stream, ctx.path)) {
      const text = ln.text.trim();
      if (text === '') continue;
      out.rows++;
      let obj: unknown;
      try {
        obj = JSON.parse(text);
      } catch {
        out.reject(ln.n, ln.terminated ? 'not valid JSON' : 'truncated last line');
        continue;
      }
      if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) {
        out.reject(ln.n, 'not a JSON object');
        continue;
      }
      const rec = obj as Record<string, unknown>;
      const keys = Object.keys(rec);
      const sig = keys.join('\u0000');
      let plan = plans.get(sig);
      if (plan === undefined) {
        plan = planFromHeader(keys);
        if (plans.size < 64) plans.set(sig, plan);
        if (plan) out.columns(plan.measures);
      }
      if (!plan) {
        out.reject(ln.n, 'no power or energy key');
        continue;
      }
      const val = (i: number): unknown => (i >= 0 ? rec[keys[i] as string] : undefined);
      const str = (i: number): string | null => {
        const v = val(i);
        return v === undefined || v === null ? null : String(v);
      };
      let t: number | null = null;
      if (plan.ts >= 0) {
        let tc = times.get(plan);
        if (tc === undefined) {
          tc = new TimeColumn(plan.tsScale, plan.tsRelative);
          if (times.size < 64) times.set(plan, tc);
        }
        const v = val(plan.ts);
        t = typeof v === 'number' ? tc.fromNumber(v) : tc.fromText(String(v), out.dates);
        if (tc.relative === true) out.relativeTime = true;
        if (t === null) {
          out.reject(ln.n, 'unparseable timestamp');
          continue;
        }
      }
      const host = str(plan.host);
      const key = str(plan.key) ?? '0';
      for (const m of plan.measures) {
        const dev = m.device !== null ? out.device(m.device) : out.device(host ? `${host}/${key}` : key, { name: str(plan.name), host });
        const raw = val(m.col);
        let v: number;
        if (typeof raw === 'number') v = raw;
        else if (typeof raw === 'string') {
          const u = /^\s*([-+]?[\d.]+(?:e[-+]?\d+)?)\s*([A-Za-z]*)\s*$/i.exec(raw);
          // A unit in the value decides for it (the column's unit is then not rescaled: builder.ts).
          const unit = u?.[2] ? readUnit(u[2], m.kind === 'power' ? 'power' : 'energy') : null;
          if (u?.[2]) m.cellUnits = true;
          const f = u?.[2] ? (unit?.readings[0]?.factor ?? null) : 1;
          v = u?.[1] !== undefined && f !== null ? Number(u[1]) * f : Number.NaN;
        } else v = Number.NaN;
        v *= m.factor;
        if (m.kind === 'power') dev.addPower(t, v);
        else if (m.kind === 'counter') dev.addCounter(t, v);
        else if (v >= 0) {
          dev.addEnergy(v, t);
          if (t !== null) out.seen(t);
        } else if (v === v) dev.negative++;
        else dev.na++;
      }
    }
    if (out.rows > 0 && out.rows === out.rowsRejected)
      throw new InputError({ code: 'LOG_CORRUPT', file: ctx.path, expected: 'JSON lines with a power or energy key', got: `all ${out.rows} lines rejected` });
  },
};
