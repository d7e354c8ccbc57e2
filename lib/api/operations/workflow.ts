import { defineOperation } from '../operation';
import { ZProjectRefSchema } from '../../schemas/project';
import {
  ZActivitySchema,
  ZAdjudicationSchema,
  ZAnnotationSavedSchema,
  ZAnnotationSaveSchema,
  ZAssignmentRefSchema,
  ZAssignmentViewSchema,
  ZClaimQuerySchema,
  ZClaimResultSchema,
  ZCommentCreateSchema,
  ZCommentSchema,
  ZPassRefSchema,
  ZQueueStatsSchema,
  ZReasonSchema,
  ZReviewDecisionSchema,
  ZSubmitSchema,
  ZTaskCreateResultSchema,
  ZTaskCreateSchema,
  ZTaskListQuerySchema,
  ZTaskListSchema,
  ZTaskMoveSchema,
  ZTaskRefSchema,
  ZWorkflowSaveSchema,
  ZWorkflowSchema,
} from '../../schemas/workflow';

export const getWorkflow = defineOperation({
  id: 'getWorkflow',
  method: 'GET',
  path: '/projects/{projectId}/workflow',
  tag: 'Workflow',
  summary: "The project's passes in order, and which of them the caller may work in",
  params: ZProjectRefSchema,
  response: ZWorkflowSchema,
});

export const saveWorkflow = defineOperation({
  id: 'saveWorkflow',
  method: 'PUT',
  path: '/projects/{projectId}/workflow',
  tag: 'Workflow',
  summary: 'Replace the passes (OWNER, DATA_LEAD); a pass that still holds tasks cannot be removed (409)',
  params: ZProjectRefSchema,
  body: ZWorkflowSaveSchema,
  response: ZWorkflowSchema,
});

export const createTasks = defineOperation({
  id: 'createTasks',
  method: 'POST',
  path: '/projects/{projectId}/tasks',
  tag: 'Workflow',
  summary: 'Create tasks from READY assets (all, by kind, a list, or an import batch) in the first pass (OWNER, DATA_LEAD)',
  params: ZProjectRefSchema,
  body: ZTaskCreateSchema,
  response: ZTaskCreateResultSchema,
  status: 201,
});

export const listTasks = defineOperation({
  id: 'listTasks',
  method: 'GET',
  path: '/projects/{projectId}/tasks',
  tag: 'Workflow',
  summary: 'Tasks with their pass and assignees, newest first (OWNER, DATA_LEAD)',
  params: ZProjectRefSchema,
  query: ZTaskListQuerySchema,
  response: ZTaskListSchema,
});

export const claimNextTask = defineOperation({
  id: 'claimNextTask',
  method: 'POST',
  path: '/projects/{projectId}/passes/{passId}/claim',
  tag: 'Workflow',
  summary:
    "The caller's next item in a pass: an item they already hold (not in `exclude`), their rework, else the best open task (leased); null when none",
  params: ZPassRefSchema,
  query: ZClaimQuerySchema,
  response: ZClaimResultSchema,
});

export const getAssignment = defineOperation({
  id: 'getAssignment',
  method: 'GET',
  path: '/projects/{projectId}/assignments/{assignmentId}',
  tag: 'Workflow',
  summary: 'One assignment with everything the task shell shows (its holder, OWNER, DATA_LEAD)',
  params: ZAssignmentRefSchema,
  response: ZAssignmentViewSchema,
});

export const saveAnnotation = defineOperation({
  id: 'saveAnnotation',
  method: 'PUT',
  path: '/projects/{projectId}/assignments/{assignmentId}/annotation',
  tag: 'Workflow',
  summary: 'Autosave the annotation; carries the version it was based on (409 when stale); extends the lease',
  params: ZAssignmentRefSchema,
  body: ZAnnotationSaveSchema,
  largeBody: true,
  response: ZAnnotationSavedSchema,
});

export const submitAssignment = defineOperation({
  id: 'submitAssignment',
  method: 'POST',
  path: '/projects/{projectId}/assignments/{assignmentId}/submit',
  tag: 'Workflow',
  summary: 'Submit the annotation at this version; the task moves on once every annotator of the pass has',
  params: ZAssignmentRefSchema,
  body: ZSubmitSchema,
  response: ZTaskMoveSchema,
});

export const skipAssignment = defineOperation({
  id: 'skipAssignment',
  method: 'POST',
  path: '/projects/{projectId}/assignments/{assignmentId}/skip',
  tag: 'Workflow',
  summary: 'Give the item back with a reason; it returns to the queue for someone else',
  params: ZAssignmentRefSchema,
  body: ZReasonSchema,
  response: ZTaskMoveSchema,
});

export const escalateAssignment = defineOperation({
  id: 'escalateAssignment',
  method: 'POST',
  path: '/projects/{projectId}/assignments/{assignmentId}/escalate',
  tag: 'Workflow',
  summary: 'Flag the item for an expert: it goes to the adjudication pass with the reason',
  params: ZAssignmentRefSchema,
  body: ZReasonSchema,
  response: ZTaskMoveSchema,
});

export const decideReview = defineOperation({
  id: 'decideReview',
  method: 'POST',
  path: '/projects/{projectId}/assignments/{assignmentId}/review',
  tag: 'Workflow',
  summary: 'Accept, reject back to the annotator (with a reason and region comments) or escalate; 409 when stale',
  params: ZAssignmentRefSchema,
  body: ZReviewDecisionSchema,
  response: ZTaskMoveSchema,
});

export const adjudicateTask = defineOperation({
  id: 'adjudicateTask',
  method: 'POST',
  path: '/projects/{projectId}/assignments/{assignmentId}/adjudicate',
  tag: 'Workflow',
  summary: 'Final decision on an escalated item: one annotation, or regions merged from several, with the reason',
  params: ZAssignmentRefSchema,
  body: ZAdjudicationSchema,
  largeBody: true,
  response: ZTaskMoveSchema,
});

export const getQueueStats = defineOperation({
  id: 'getWorkQueues',
  method: 'GET',
  path: '/projects/{projectId}/queues',
  tag: 'Workflow',
  summary: 'Per pass: depth, oldest item, time in queue, overdue vs SLA, throughput; per person: output and accept rate',
  params: ZProjectRefSchema,
  response: ZQueueStatsSchema,
});

export const getTaskActivity = defineOperation({
  id: 'getTaskActivity',
  method: 'GET',
  path: '/projects/{projectId}/tasks/{taskId}/activity',
  tag: 'Workflow',
  summary: "A task's history (who did what, when, before/after) and its comments",
  params: ZTaskRefSchema,
  response: ZActivitySchema,
});

export const addTaskComment = defineOperation({
  id: 'addTaskComment',
  method: 'POST',
  path: '/projects/{projectId}/tasks/{taskId}/comments',
  tag: 'Workflow',
  summary: 'Comment on a task (optionally on one region); @email mentions of project members are resolved',
  params: ZTaskRefSchema,
  body: ZCommentCreateSchema,
  response: ZCommentSchema,
  status: 201,
});
