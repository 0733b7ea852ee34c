// Synthetic DCGM exporter history for a cluster job, written as OpenMetrics for
// `promtool tsdb create-blocks-from openmetrics`. Each GPU draws a linear power ramp
// P(τ) = a + b·τ/D over the job (τ = seconds since start, D = duration), so both the hand
// computation and the trapezoid rule are exact: E = (a + b/2)·D. The energy counter is the
// exact integral a·τ + b·τ²/(2D) in mJ (rounded to whole mJ, as DCGM reports), on top of an
// arbitrary value accumulated before the job.

export interface GpuProfile {
  host: string;
  hostIndex: number;
  gpu: number;
  /** W at the job start. */
  a: number;
  /** W added linearly by the job end. */
  b: number;
}

export interface JobSpec {
  job: string;
  hosts: string[];
  gpusPerHost: number;
  startS: number;
  durationS: number;
  scrapeS: number;
  /** Power ramp of GPU g on host h. */
  profile: (hostIndex: number, gpu: number) => { a: number; b: number };
  counter: boolean;
  gauge: boolean;
  /** A DCGM restart: the counter restarts from zero at the sample before `atS` (seconds into the job). */
  reset?: { host: string; gpu: number; atS: number };
  /** GPUs ("host/gpu") whose series of one metric are absent (exporter field not enabled, GPU lost). */
  omit?: { counter?: string[]; gauge?: string[] };
}

export function gpus(spec: JobSpec): GpuProfile[] {
  const out: GpuProfile[] = [];
  spec.hosts.forEach((host, hostIndex) => {
    for (let gpu = 0; gpu < spec.gpusPerHost; gpu++) out.push({ host, hostIndex, gpu, ...spec.profile(hostIndex, gpu) });
  });
  return out;
}

function labels(spec: JobSpec, g: GpuProfile): string {
  const uuid = `GPU-${String(g.hostIndex).padStart(4, '0')}${String(g.gpu).padStart(4, '0')}-aaaa-bbbb-cccc-${spec.job.replace(/\W/g, '').slice(-8).padStart(12, '0')}`;
  return `gpu="${g.gpu}",UUID="${uuid}",device="nvidia${g.gpu}",modelName="NVIDIA H100 80GB HBM3",Hostname="${g.host}",instance="10.0.${g.hostIndex}.1:9400",job="${spec.job}"`;
}

/** mJ consumed between the job start and τ seconds into it. */
function integralMj(g: GpuProfile, tau: number, durationS: number): number {
  return 1000 * (g.a * tau + (g.b * tau * tau) / (2 * durationS));
}

/** OpenMetrics families, each contiguous, series in time order (what promtool requires). */
export function* openMetricsLines(specs: JobSpec[]): Generator<string> {
  const families: Array<{ name: string; type: string; help: string; which: 'counter' | 'gauge' }> = [
    // Exposed by dcgm-exporter as a counter without the OpenMetrics _total suffix; `unknown` keeps
    // the sample name as is for the backfill parser.
    { name: 'DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION', type: 'unknown', help: 'Total energy consumption since boot (in mJ).', which: 'counter' },
    { name: 'DCGM_FI_DEV_POWER_USAGE', type: 'gauge', help: 'Power draw (in W).', which: 'gauge' },
  ];
  for (const fam of families) {
    yield `# HELP ${fam.name} ${fam.help}`;
    yield `# TYPE ${fam.name} ${fam.type}`;
    for (const spec of specs) {
      if (!spec[fam.which]) continue;
      const n = Math.round(spec.durationS / spec.scrapeS);
      for (const g of gpus(spec)) {
        if (spec.omit?.[fam.which]?.includes(`${g.host}/${g.gpu}`)) continue;
        const l = labels(spec, g);
        const before = 5e9 + 1e8 * (g.hostIndex * 8 + g.gpu); // energy since boot, before the job
        const reset = spec.reset && spec.reset.host === g.host && spec.reset.gpu === g.gpu ? spec.reset : undefined;
        const restartTau = reset ? (Math.round(reset.atS / spec.scrapeS) - 1) * spec.scrapeS : Infinity;
        for (let i = 0; i <= n; i++) {
          const tau = i * spec.scrapeS;
          const t = spec.startS + tau;
          let value: number;
          if (fam.which === 'counter') {
            value =
              tau > restartTau ? integralMj(g, tau, spec.durationS) - integralMj(g, restartTau, spec.durationS) : before + integralMj(g, tau, spec.durationS);
            value = Math.round(value);
          } else {
            value = g.a + (g.b * tau) / spec.durationS;
          }
          yield `${fam.name}{${l}} ${value} ${t}`;
        }
      }
    }
  }
  yield '# EOF';
}

/** Hand-computed energy per GPU for the ramp profile, kWh: (a + b/2) W × D s / 3.6e6. */
export function expectedKwh(g: { a: number; b: number }, durationS: number): number {
  return ((g.a + g.b / 2) * durationS) / 3.6e6;
}
