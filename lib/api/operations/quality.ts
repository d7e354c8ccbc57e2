import { z } from 'zod';
import { defineOperation } from '../operation';
import { ZProjectRefSchema } from '../../schemas/project';
import {
  ZQualityComparisonSchema,
  ZQualityItemsQuerySchema,
  ZQualityItemsSchema,
  ZQualityReportSchema,
  ZQualitySettingsSchema,
  ZQualityTaskRefSchema,
  ZSendToReviewResultSchema,
  ZSendToReviewSchema,
} from '../../schemas/quality';

export const getQualityReport = defineOperation({
  id: 'getQualityReport',
  method: 'GET',
  path: '/projects/{projectId}/quality',
  tag: 'Quality',
  summary:
    'The cached agreement report (OWNER, DATA_LEAD); when annotations or settings changed since, a worker recomputes it (`computing`)',
  params: ZProjectRefSchema,
  response: ZQualityReportSchema,
});

export const refreshQualityReport = defineOperation({
  id: 'refreshQualityReport',
  method: 'POST',
  path: '/projects/{projectId}/quality/refresh',
  tag: 'Quality',
  summary: 'Queue a recomputation of the agreement report now (OWNER, DATA_LEAD)',
  params: ZProjectRefSchema,
  response: ZQualityReportSchema,
  status: 202,
});

export const getQualitySettings = defineOperation({
  id: 'getQualitySettings',
  method: 'GET',
  path: '/projects/{projectId}/quality/settings',
  tag: 'Quality',
  summary: 'IoU threshold, drift baseline and thresholds, annotator cohorts (OWNER, DATA_LEAD)',
  params: ZProjectRefSchema,
  response: ZQualitySettingsSchema,
});

export const saveQualitySettings = defineOperation({
  id: 'saveQualitySettings',
  method: 'PUT',
  path: '/projects/{projectId}/quality/settings',
  tag: 'Quality',
  summary: 'Replace the quality settings (OWNER, DATA_LEAD); cohort members must be project members',
  params: ZProjectRefSchema,
  body: ZQualitySettingsSchema,
  response: ZQualitySettingsSchema,
});

export const listQualityItems = defineOperation({
  id: 'listQualityItems',
  method: 'GET',
  path: '/projects/{projectId}/quality/items',
  tag: 'Quality',
  summary: 'The compared items behind a figure (family, pair, annotator, class, week, cohort), least agreement first',
  params: ZProjectRefSchema,
  query: ZQualityItemsQuerySchema,
  response: ZQualityItemsSchema,
});

export const getQualityComparison = defineOperation({
  id: 'getQualityComparison',
  method: 'GET',
  path: '/projects/{projectId}/quality/tasks/{taskId}',
  tag: 'Quality',
  summary: "One item's first submissions side by side with how their regions were matched (OWNER, DATA_LEAD)",
  params: ZQualityTaskRefSchema,
  response: ZQualityComparisonSchema,
});

export const sendQualityItemsToReview = defineOperation({
  id: 'sendQualityItemsToReview',
  method: 'POST',
  path: '/projects/{projectId}/quality/send-to-review',
  tag: 'Quality',
  summary: "Escalate items to the workflow's adjudication pass with a reason (OWNER, DATA_LEAD)",
  params: ZProjectRefSchema,
  body: ZSendToReviewSchema,
  response: ZSendToReviewResultSchema,
});

export const exportQualityCsv = defineOperation({
  id: 'exportQualityCsv',
  method: 'GET',
  path: '/projects/{projectId}/quality/report.csv',
  tag: 'Quality',
  summary: 'The cached report as CSV, one row per figure (OWNER, DATA_LEAD); 409 while none was computed',
  params: ZProjectRefSchema,
  response: z.unknown(),
  binaryResponse: 'text/csv',
});
