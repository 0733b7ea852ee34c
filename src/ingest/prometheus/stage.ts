// The call the pipeline makes for a stage with `prometheus:`. Same as queryPrometheus, with
// errors about the scenario's own values pointed at the scenario file and the stage's key.
import { InputError } from '../../errors.js';
import type { Source } from '../source.js';
import { queryPrometheus, type PrometheusSourceInput, type QueryPrometheusOptions } from './index.js';

export async function prometheusStageSource(
  stage: string,
  prom: PrometheusSourceInput,
  opts: QueryPrometheusOptions & { scenarioFile?: string },
): Promise<Source> {
  try {
    return await queryPrometheus(prom, opts);
  } catch (e) {
    if (e instanceof InputError && e.field?.startsWith('prometheus.')) {
      throw new InputError({
        code: e.code,
        file: e.file ?? opts.scenarioFile,
        line: e.line,
        field: `stages.${stage}.${e.field}`,
        expected: e.expected,
        got: e.got,
        hint: e.hint,
      });
    }
    throw e;
  }
}
