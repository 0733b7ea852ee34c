// How uncertain logged energy is, by how it was measured: the relative half-width of the range
// the interpretation propagates (lca/interpret/measurement.ts), each figure with where it comes
// from. A reader can open every source (src/data/sources.ts); none is a dataset we bundle, only
// a published number.
import { type Reference, ref } from './sources.js';

export interface MeasurementFigure {
  /** Relative half-width: the energy lies within ×(1 − rel) .. ×(1 + rel) of the logged value. */
  rel: number;
  /** What the figure is and why it applies, in one sentence a reviewer can check. */
  source: string;
  url: string;
  year: number;
  references: readonly Reference[];
}

export const MEASUREMENT_UNCERTAINTY = {
  /**
   * NVIDIA's on-board power sensor, read as power samples (nvidia-smi, DCGM's power gauge) or as
   * the total-energy counter (NVML, DCGM, Zeus), which integrates the same sensor. NVIDIA states
   * ±5 % for the readings (documented for Fermi and Kepler; no figure is published for later
   * generations, so the documented one is used for all).
   */
  gpu_sensor: {
    rel: 0.05,
    source:
      'NVIDIA Management Library (NVML) API reference, nvmlDeviceGetPowerUsage: "the reading is accurate to within +/- 5% of current power draw" (stated for Fermi and Kepler; NVIDIA publishes no figure for later GPUs)',
    url: 'https://docs.nvidia.com/deploy/nvml-api/group__nvmlDeviceQueries.html',
    year: 2024,
    references: [ref('nvml-api')],
  },
  /**
   * Software estimates of a whole host's energy (CodeCarbon, eco2ai: GPU from NVML, CPU from RAPL
   * or a TDP model, RAM from a per-GB constant), compared with an external meter.
   */
  software_estimate: {
    rel: 0.4,
    source:
      'R. Fischer, "Ground-Truthing AI Energy Consumption: Validating CodeCarbon Against External Measurements", arXiv:2509.22092 (2025): estimation errors of up to 40 % against ground-truth measurements',
    url: 'https://arxiv.org/abs/2509.22092',
    year: 2025,
    references: [ref('fischer-2025-codecarbon')],
  },
  /**
   * hours × count × power from a rated power (TDP) when the hardware data carries no power range:
   * AI training on 8-GPU H100 nodes drew 76 % of the rated TDP, and TDP-based estimates erred by
   * 27–37 %; the upper figure is used.
   */
  rated_power_estimate: {
    rel: 0.37,
    source:
      '"Empirically-Calibrated H100 Node Power Models for Reducing Uncertainty in AI Training Energy Estimation", arXiv:2506.14551 (2025): TDP-based estimates of training energy erred by 27–37 % (measured draw ≈ 76 % of TDP)',
    url: 'https://arxiv.org/abs/2506.14551',
    year: 2025,
    references: [ref('h100-node-power-2025')],
  },
  /**
   * Sampled power: the scatter of the samples about their mean adds a Type A standard uncertainty
   * u = s / (mean × √n) of the mean power, taken at coverage k = 2 (about 95 %). Samples are
   * correlated in time, so this is a floor; aliasing of a periodic load with the sensor's own
   * sampling (on A100 and H100 only about 25 % of the runtime is sampled: Yang, Adamek and Armour,
   * SC24) is not covered by any published figure and is not added.
   */
  sampling: {
    rel: 0,
    source:
      'JCGM 100:2008 (GUM), §4.2: Type A evaluation of the mean of n samples, s / √n, coverage factor k = 2; sensor sampling: Z. Yang, K. Adamek, W. Armour, "Accurate and Convenient Energy Measurements for GPUs: A Detailed Study of NVIDIA GPU\'s Built-in Power Sensor", SC24 (arXiv:2312.02741)',
    url: 'https://www.bipm.org/documents/20126/2071204/JCGM_100_2008_E.pdf',
    year: 2008,
    references: [ref('jcgm-100-2008'), ref('yang-2024-gpu-power-sensor')],
  },
} as const satisfies Record<string, MeasurementFigure>;

/** Coverage factor for Type A terms (GUM: k = 2, about 95 % for a normal distribution). */
export const COVERAGE_K = 2;
