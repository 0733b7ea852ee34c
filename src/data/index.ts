// Reference data: hardware, grid intensity, facility defaults. Each value carries source + year.
export { HARDWARE, HARDWARE_MODELS, HardwareSpec, lookupHardware, normaliseModel } from './hardware.js';
export { GRID, GRID_REGIONS, GridFactor, lookupGrid, normaliseRegion } from './grid.js';
export { FACILITY_DEFAULTS, HOURS_PER_YEAR, type FactorDefault } from './facility.js';
export { COVERAGE_K, MEASUREMENT_UNCERTAINTY, type MeasurementFigure } from './measurement.js';
