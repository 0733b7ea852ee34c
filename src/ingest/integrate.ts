// Power samples and energy counters to energy, per device, as rows arrive (O(1) memory per
// device). Trapezoid rule (domain.md, "Integrating power logs"; the textbook chapter "Sustainable AI"):
//   E_J = Σ (P_i + P_{i+1}) / 2 × (t_{i+1} − t_i)
//
// Gaps. An interval longer than the gap threshold is not bridged: the logger was down, and
// drawing a straight line across it would invent energy. Default threshold:
//   max(60 s, 5 × the median interval of the device's first 32 intervals)
// (so a 1 s log breaks on a 60 s hole, a 30 s log on a 150 s hole); `gapThreshold_s` overrides.
// Each unbridged gap is counted and reported with its length.
//
// Order. Samples are expected in time order per device, oldest first or (a log written newest
// first, or reversed with `tac`) newest first: a run's first step sets its direction and the
// trapezoid rule is the same either way. A step against the run's direction (logs concatenated
// out of order) starts a new run; runs are integrated apart and summed, and overlapping runs are
// reported (they may double count).
//
// Counters (DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION, mJ since driver load) are differenced; a value
// below the previous one is a reset (driver reload, GPU reset): the energy since the reset is the
// new value itself.

const MEDIAN_WINDOW = 32;
export const MIN_GAP_S = 60;
export const GAP_MEDIAN_FACTOR = 5;

export interface GapInfo {
  at: number;
  length: number;
}

export class PowerSeries {
  energyJ = 0;
  samples = 0;
  gaps = 0;
  gapSeconds = 0;
  longestGap: GapInfo | null = null;
  /** Same timestamp and same value as the previous sample: a duplicated row. */
  duplicates = 0;
  /** Same timestamp, different value. */
  sameTimestamp = 0;
  outOfOrder = 0;
  /** Runs whose timestamps go backwards (newest first), integrated in that order. */
  descendingRuns = 0;
  /** Seconds actually integrated (bridged intervals); 0 with samples means nothing was integrable. */
  coveredS = 0;
  first = Number.POSITIVE_INFINITY;
  last = Number.NEGATIVE_INFINITY;
  runs: Array<{ start: number; end: number }> = [];
  /** Median of the first intervals (s), 0 until known: the log's sampling interval. */
  medianInterval = 0;
  threshold: number;

  private readonly fixedThreshold: boolean;
  private warm: number[] | null = [];
  private lastT = Number.NaN;
  private lastW = 0;
  private runStart = Number.NaN;
  /** Direction of the current run: +1 oldest first, -1 newest first, 0 not yet known. */
  private dir = 0;

  constructor(gapThreshold_s?: number) {
    this.fixedThreshold = gapThreshold_s !== undefined;
    this.threshold = gapThreshold_s ?? MIN_GAP_S;
  }

  add(t: number, w: number): void {
    this.samples++;
    if (t < this.first) this.first = t;
    if (t > this.last) this.last = t;
    if (this.warm !== null) {
      // Hold the first samples until the median interval is known, then replay them.
      this.warm.push(t, w);
      if (this.warm.length >= 2 * (MEDIAN_WINDOW + 1)) this.settle();
      return;
    }
    this.step(t, w);
  }

  /** Call once at the end. */
  finish(): void {
    if (this.warm !== null) this.settle();
    if (!Number.isNaN(this.runStart)) this.closeRun();
    this.runStart = Number.NaN;
  }

  private closeRun(): void {
    if (this.dir < 0) this.descendingRuns++;
    this.runs.push({ start: Math.min(this.runStart, this.lastT), end: Math.max(this.runStart, this.lastT) });
  }

  private settle(): void {
    const buf = this.warm ?? [];
    this.warm = null;
    const dts: number[] = [];
    for (let i = 2; i < buf.length; i += 2) {
      const dt = Math.abs((buf[i] ?? 0) - (buf[i - 2] ?? 0));
      if (dt > 0) dts.push(dt);
    }
    dts.sort((a, b) => a - b);
    const median = dts.length ? (dts[(dts.length - 1) >> 1] ?? 0) : 0;
    this.medianInterval = median;
    // A threshold given by the caller stays; the warm-up still measures the interval.
    if (!this.fixedThreshold) this.threshold = Math.max(MIN_GAP_S, GAP_MEDIAN_FACTOR * median);
    for (let i = 0; i < buf.length; i += 2) this.step(buf[i] ?? 0, buf[i + 1] ?? 0);
  }

  private step(t: number, w: number): void {
    if (Number.isNaN(this.lastT)) {
      this.runStart = t;
      this.lastT = t;
      this.lastW = w;
      this.dir = 0;
      return;
    }
    const dt = t - this.lastT;
    if (dt === 0) {
      if (w === this.lastW) this.duplicates++;
      else this.sameTimestamp++;
    } else {
      const d = dt > 0 ? 1 : -1;
      if (this.dir === 0) this.dir = d;
      if (d === this.dir) {
        const span = Math.abs(dt);
        if (span > this.threshold) {
          this.gaps++;
          this.gapSeconds += span;
          if (this.longestGap === null || span > this.longestGap.length) this.longestGap = { at: Math.min(this.lastT, t), length: span };
        } else {
          this.energyJ += ((w + this.lastW) / 2) * span;
          this.coveredS += span;
        }
      } else {
        this.outOfOrder++;
        this.closeRun();
        this.runStart = t;
        this.dir = 0;
      }
    }
    this.lastT = t;
    this.lastW = w;
  }

  /** Pairs of runs that cover the same time (concatenated logs of one period). */
  overlappingRuns(): number {
    const r = [...this.runs].sort((a, b) => a.start - b.start);
    let n = 0;
    for (let i = 1; i < r.length; i++) if ((r[i]?.start ?? 0) < (r[i - 1]?.end ?? 0)) n++;
    return n;
  }
}

export class CounterSeries {
  energyJ = 0;
  samples = 0;
  resets = 0;
  first = Number.POSITIVE_INFINITY;
  last = Number.NEGATIVE_INFINITY;
  private prev = Number.NaN;

  add(t: number | null, j: number): void {
    this.samples++;
    if (t !== null) {
      if (t < this.first) this.first = t;
      if (t > this.last) this.last = t;
    }
    if (Number.isNaN(this.prev)) {
      this.prev = j;
      return;
    }
    const d = j - this.prev;
    if (d >= 0) this.energyJ += d;
    else {
      this.resets++;
      this.energyJ += j;
    }
    this.prev = j;
  }
}
