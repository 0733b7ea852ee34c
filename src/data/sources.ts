// Every publication and dataset a bundled default cites, once, with what a reader needs to open
// it: title, publisher, year, URL, licence. Assumptions in the card carry `references` built from
// this catalog (by id), and the report links only URLs found here: a card's own URLs (a baseline
// or a fork's artifact is untrusted) are never turned into links.
import { z } from 'zod';
import { DATASETS } from './generated/grid-data.js';

export const Reference = z.object({
  id: z.string().meta({ description: "Key of the citation in ml-lca's source catalog (src/data/sources.ts)" }),
  title: z.string(),
  publisher: z.string(),
  year: z.number().int().nullable(),
  url: z.string().nullable(),
  licence: z.string().nullable().meta({ description: 'Licence of the data, where it is a dataset' }),
});
export type Reference = z.infer<typeof Reference>;

const pub = (id: string, title: string, publisher: string, year: number | null, url: string | null, licence: string | null = null): Reference => ({
  id,
  title,
  publisher,
  year,
  url,
  licence,
});

const datasetRefs: Reference[] = DATASETS.map((d) => pub(d.id, d.title, d.publisher, Number(d.retrieved.slice(0, 4)) || null, d.url, d.licence));

const publications: Reference[] = [
  pub(
    'paper-model-lca',
    'Evaluation of ML Resource Utilization Requires Model Life Cycle Assessment',
    'arXiv 2606.07632 (position paper, ICML 2026)',
    2026,
    'https://arxiv.org/abs/2606.07632',
  ),
  pub('textbook-sustainable-ai', 'Sustainable AI', 'textbook chapter', null, null),
  pub(
    'nvidia-hgx-h100-pcf',
    'NVIDIA HGX H100 Product Carbon Footprint (PCF) summary: 1,312 kg CO2e for the 8-GPU baseboard',
    'NVIDIA Corporation',
    2025,
    'https://developer.nvidia.com/blog/?p=106112',
  ),
  pub(
    'luccioni-2023-bloom',
    'Estimating the Carbon Footprint of BLOOM, a 176B Parameter Language Model (Luccioni, Viguier, Ligozat)',
    'Journal of Machine Learning Research 24(253)',
    2023,
    'https://jmlr.org/papers/v24/23-0069.html',
  ),
  pub('nvidia-h100-datasheet', 'NVIDIA H100 Tensor Core GPU datasheet', 'NVIDIA Corporation', 2023, 'https://www.nvidia.com/en-us/data-center/h100/'),
  pub('nvidia-h200-datasheet', 'NVIDIA H200 Tensor Core GPU datasheet', 'NVIDIA Corporation', 2024, 'https://www.nvidia.com/en-us/data-center/h200/'),
  pub('nvidia-a100-datasheet', 'NVIDIA A100 Tensor Core GPU datasheet', 'NVIDIA Corporation', 2021, 'https://www.nvidia.com/en-us/data-center/a100/'),
  pub('nvidia-a10-datasheet', 'NVIDIA A10 Tensor Core GPU datasheet', 'NVIDIA Corporation', 2021, 'https://www.nvidia.com/en-us/data-center/products/a10-gpu/'),
  pub('nvidia-l4-datasheet', 'NVIDIA L4 Tensor Core GPU datasheet', 'NVIDIA Corporation', 2023, 'https://www.nvidia.com/en-us/data-center/l4/'),
  pub('nvidia-l40s-datasheet', 'NVIDIA L40S GPU datasheet', 'NVIDIA Corporation', 2023, 'https://www.nvidia.com/en-us/data-center/l40s/'),
  pub('nvidia-t4-datasheet', 'NVIDIA T4 Tensor Core GPU datasheet', 'NVIDIA Corporation', 2018, 'https://www.nvidia.com/en-us/data-center/tesla-t4/'),
  pub('nvidia-v100-datasheet', 'NVIDIA V100 Tensor Core GPU datasheet', 'NVIDIA Corporation', 2018, 'https://www.nvidia.com/en-us/data-center/v100/'),
  pub(
    'nvidia-rtx3090-specs',
    'GeForce RTX 3090 specifications',
    'NVIDIA Corporation',
    2020,
    'https://www.nvidia.com/en-us/geforce/graphics-cards/30-series/rtx-3090-3090ti/',
  ),
  pub(
    'nvidia-rtx4090-specs',
    'GeForce RTX 4090 specifications',
    'NVIDIA Corporation',
    2022,
    'https://www.nvidia.com/en-us/geforce/graphics-cards/40-series/rtx-4090/',
  ),
  pub(
    'amd-mi300x-datasheet',
    'AMD Instinct MI300X accelerator datasheet',
    'AMD',
    2023,
    'https://www.amd.com/en/products/accelerators/instinct/mi300/mi300x.html',
  ),
  pub(
    'jouppi-2023-tpuv4',
    'TPU v4: An Optically Reconfigurable Supercomputer for Machine Learning with Hardware Support for Embeddings (Jouppi et al.)',
    'ISCA 2023, arXiv 2304.01433',
    2023,
    'https://arxiv.org/abs/2304.01433',
  ),
  pub(
    'uptime-2022',
    'Global Data Center Survey 2022 (average PUE), as cited in the textbook chapter "Sustainable AI"',
    'Uptime Institute',
    2022,
    'https://uptimeinstitute.com/resources/research-and-reports/uptime-institute-global-data-center-survey-results-2022',
  ),
  // Measurement uncertainty of logged energy (src/data/measurement.ts).
  pub(
    'nvml-api',
    'NVIDIA Management Library (NVML) API reference: nvmlDeviceGetPowerUsage, nvmlDeviceGetTotalEnergyConsumption',
    'NVIDIA Corporation',
    2024,
    'https://docs.nvidia.com/deploy/nvml-api/group__nvmlDeviceQueries.html',
  ),
  pub(
    'yang-2024-gpu-power-sensor',
    "Accurate and Convenient Energy Measurements for GPUs: A Detailed Study of NVIDIA GPU's Built-in Power Sensor (Yang, Adamek, Armour)",
    'SC24, arXiv 2312.02741',
    2024,
    'https://arxiv.org/abs/2312.02741',
  ),
  pub(
    'fischer-2025-codecarbon',
    'Ground-Truthing AI Energy Consumption: Validating CodeCarbon Against External Measurements (Fischer)',
    'arXiv 2509.22092',
    2025,
    'https://arxiv.org/abs/2509.22092',
  ),
  pub(
    'h100-node-power-2025',
    'Empirically-Calibrated H100 Node Power Models for Reducing Uncertainty in AI Training Energy Estimation',
    'arXiv 2506.14551',
    2025,
    'https://arxiv.org/abs/2506.14551',
  ),
  pub(
    'jcgm-100-2008',
    'Evaluation of measurement data: Guide to the expression of uncertainty in measurement (GUM), JCGM 100:2008',
    'Joint Committee for Guides in Metrology (BIPM)',
    2008,
    'https://www.bipm.org/documents/20126/2071204/JCGM_100_2008_E.pdf',
  ),
  pub(
    'ghg-protocol-scope2',
    'GHG Protocol Scope 2 Guidance (location-based and market-based methods, dual reporting)',
    'World Resources Institute / WBCSD',
    2015,
    'https://ghgprotocol.org/scope-2-guidance',
  ),
];

/** id -> citation. */
export const SOURCES: ReadonlyMap<string, Reference> = new Map([...datasetRefs, ...publications].map((r) => [r.id, r]));

/** The citation for an id; throws on a typo in our own tables (caught by the data tests). */
export function ref(id: string): Reference {
  const r = SOURCES.get(id);
  if (!r) throw new Error(`source catalog: unknown id ${id}`);
  return r;
}

/** A reference with the dataset's year replaced by the data year actually used. */
export function refForYear(id: string, year: number): Reference {
  return { ...ref(id), year };
}

/** A URL that ml-lca's own catalog holds (the only URLs the report turns into links). */
export function knownUrl(id: string): string | null {
  return SOURCES.get(id)?.url ?? null;
}
