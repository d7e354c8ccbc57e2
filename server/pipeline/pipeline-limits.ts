import { env, type TEnv } from '../env';

/** The media limits the pipeline stages apply, from the environment (server/env.ts). */
export type TPipelineLimits = Pick<TEnv, 'PIPELINE_MAX_IMAGE_PIXELS' | 'PIPELINE_IMAGE_TIMEOUT_MS'>;

export function pipelineLimits(): TPipelineLimits {
  return env();
}
