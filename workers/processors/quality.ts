import { computeQualityReport } from '@/server/quality/compute-quality-report';
import { parseJobPayload, type ProcessorSpec } from '../processor';

// One report at a time: a report reads every comparison of a project, and two projects' reports in
// parallel would only compete for the same two cores.
export const qualityProcessor: ProcessorSpec = {
  concurrency: 1,
  process: (job) => computeQualityReport(parseJobPayload('quality', job).projectId),
};
