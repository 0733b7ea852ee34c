// Reference data: grid intensity by year (generated from data/), hardware, host servers and
// facility defaults. Each value carries its citation (src/data/sources.ts) and data year.
export { HARDWARE, HARDWARE_MODELS, HOST_EMBODIED, HardwareSpec, HostEmbodied, lookupHardware, lookupHostEmbodied, normaliseModel } from './hardware.js';
export { GRID, GRID_REGIONS, GridFactor, RANGE_YEARS, gridTable, lookupGrid, normaliseRegion } from './grid.js';
export { FACILITY_DEFAULTS, HOURS_PER_YEAR, type FactorDefault } from './facility.js';
export { COVERAGE_K, MEASUREMENT_UNCERTAINTY, type MeasurementFigure } from './measurement.js';
export { Reference, SOURCES, knownUrl, ref } from './sources.js';
export { DATASETS } from './generated/grid-data.js';
