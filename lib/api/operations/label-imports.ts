import { defineOperation } from '../operation';
import { ZProjectRefSchema } from '../../schemas/project';
import { ZLabelImportReportSchema, ZLabelImportSchema } from '../../schemas/label-import';

export const importLabels = defineOperation({
  id: 'importLabels',
  method: 'POST',
  path: '/projects/{projectId}/label-imports',
  tag: 'Imports',
  summary:
    'Labels from a Loupe JSONL, COCO or Label Studio file become suggestions on the project’s assets (found by hash or file name); `dryRun` (the default) only reports what would be imported and every row refused, with the reason (OWNER, DATA_LEAD)',
  params: ZProjectRefSchema,
  body: ZLabelImportSchema,
  response: ZLabelImportReportSchema,
  largeBody: true,
});
