import type { Operation } from './operation';
import * as assets from './operations/assets';
import * as imports from './operations/imports';
import * as labelImports from './operations/label-imports';
import * as me from './operations/me';
import * as members from './operations/members';
import * as ops from './operations/ops';
import * as projects from './operations/projects';
import * as quality from './operations/quality';
import * as snapshots from './operations/snapshots';
import * as taxonomy from './operations/taxonomy';
import * as uploads from './operations/uploads';
import * as workflow from './operations/workflow';

// Every REST operation: the OpenAPI document and the access-matrix test are generated from this list.
export const ALL_OPERATIONS: readonly Operation[] = [
  me,
  projects,
  members,
  taxonomy,
  assets,
  imports,
  labelImports,
  uploads,
  workflow,
  quality,
  snapshots,
  ops,
].flatMap((module) => Object.values(module).filter(isOperation));

function isOperation(value: unknown): value is Operation {
  return typeof value === 'object' && value !== null && 'method' in value && 'path' in value && 'response' in value;
}
