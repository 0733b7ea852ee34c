// NVIDIA GPUs: ONE long-running `nvidia-smi --query-gpu=... --format=csv,noheader,nounits -lms N`
// child for the whole measurement (not one process per sample), its lines parsed here.
// Output looks like `2026/01/05 10:00:01.234, 0, GPU-8f2c..., NVIDIA H100 80GB HBM3, 312.45`.

/** The fields asked for, in this order. */
export const NVIDIA_QUERY = ['timestamp', 'index', 'uuid', 'name', 'power.draw'] as const;

export function nvidiaSmiArgs(interval_s: number): string[] {
  const ms = Math.max(1, Math.round(interval_s * 1000));
  return [`--query-gpu=${NVIDIA_QUERY.join(',')}`, '--format=csv,noheader,nounits', '-lms', String(ms)];
}

export interface GpuReading {
  /** Epoch ms from nvidia-smi's own timestamp (local time), or null when it cannot be read. */
  t: number | null;
  index: string;
  uuid: string;
  name: string;
  /** W; null for `[N/A]`, `[Not Supported]` and other non-numbers. */
  powerW: number | null;
}

const TS = /^(\d{4})\/(\d{2})\/(\d{2}) (\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))?$/;

/**
 * nvidia-smi's `timestamp` is local time without a zone (`2026/01/05 10:00:01.234`); nvidia-smi
 * and this process share the machine and the TZ environment, so Date's local time reads it back.
 */
export function parseLocalTimestamp(s: string): number | null {
  const m = TS.exec(s.trim());
  if (!m) return null;
  const n = (i: number) => Number(m[i]);
  const ms = m[7] ? Math.round(Number(`0.${m[7]}`) * 1000) : 0;
  const t = new Date(n(1), n(2) - 1, n(3), n(4), n(5), n(6), ms).getTime();
  return Number.isFinite(t) ? t : null;
}

/** One output line, or null when it is not one (a header, an error message). */
export function parseNvidiaLine(line: string): GpuReading | null {
  const cells = line.split(',').map((c) => c.trim());
  if (cells.length < NVIDIA_QUERY.length) return null;
  // A GPU name with a comma would add cells: the name is everything between uuid and power.
  const [ts, index, uuid] = cells as [string, string, string];
  const power = cells[cells.length - 1] as string;
  const name = cells.slice(3, cells.length - 1).join(', ');
  if (!/^\d{1,3}$/.test(index)) return null;
  const w = /^[-+]?\d+(?:\.\d+)?$/.test(power) ? Number(power) : null;
  return { t: parseLocalTimestamp(ts), index, uuid, name, powerW: w !== null && w >= 0 ? w : null };
}
