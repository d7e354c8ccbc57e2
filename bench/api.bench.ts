import { addMember } from '../prisma/factories/add-member';
import { createProject } from '../prisma/factories/create-project';
import { createUser } from '../prisma/factories/create-user';
import { createStubAssets } from '../prisma/factories/create-workflow';
import { encodeAssetCursor } from '../server/assets/asset-cursor';
import { userWithToken } from '../tests/api/api-users';
import { callApi } from '../tests/api/call-api';
import { SAMPLE_DEFINITION } from '../tests/api/matrix-fixtures';
import { verifyCredentials } from '../server/auth/verify-credentials';
import { db } from '../server/db';
import { redis } from '../server/redis';
import { timeRuns } from './percentiles';

// Latency of the API's hot paths through the real route handlers (token auth, zod, permission-scoped
// queries, audit writes), in-process so the figures are the server's own, without HTTP overhead.
const PROJECTS = 200;
const caller = await userWithToken();
const owner = await createUser(db());
for (let i = 0; i < PROJECTS; i++) {
  const project = await createProject(db(), { ownerId: owner.id, slug: `bench-${i}` });
  if (i % 4 === 0)
    await addMember(db(), { projectId: project.id, userId: caller.user.id, role: i === 0 ? 'OWNER' : 'ANNOTATOR' });
}
const token = caller.token;
// The asset grid's pages at scale: 100,000 assets in the caller's project.
const ASSETS = 100_000;
const [gridProject] = await db().project.findMany({ where: { slug: 'bench-0' }, select: { id: true } });
await createStubAssets(db(), { projectId: gridProject!.id, count: ASSETS });
// Statistics and the visibility map as autovacuum would leave them after a bulk load.
await db().$executeRaw`VACUUM ANALYZE`;
const [middle] = await db().$queryRaw<{ id: string; createdAt: Date }[]>`
  SELECT id, "createdAt" FROM "Asset" WHERE "projectId" = ${gridProject!.id}
  ORDER BY "createdAt" DESC, id DESC OFFSET ${ASSETS / 2} LIMIT 1`;
const deepCursor = encodeAssetCursor(middle!);

async function ok(method: string, path: string, body?: unknown) {
  const response = await callApi(method, path, { token, body });
  if (!response.ok) throw new Error(`${method} ${path} → ${response.status}: ${await response.text()}`);
  return (await response.json()) as { updatedAt?: string };
}

const listProjects = await timeRuns(300, () => ok('GET', '/projects'));
const getProject = await timeRuns(300, () => ok('GET', '/projects/bench-0'));
const foreignProject = await timeRuns(300, async () => {
  if ((await callApi('GET', '/projects/bench-1', { token })).status !== 404) throw new Error('expected 404');
});
let base: string | null = null;
const saveDraft = await timeRuns(200, async () => {
  base =
    (await ok('PUT', '/projects/bench-0/taxonomy/draft', { definition: SAMPLE_DEFINITION, baseUpdatedAt: base })).updatedAt ??
    null;
});
const getTaxonomy = await timeRuns(300, () => ok('GET', '/projects/bench-0/taxonomy'));
const assetsFirstPage = await timeRuns(100, () => ok('GET', '/projects/bench-0/assets?limit=100'));
const assetsDeepPage = await timeRuns(100, () => ok('GET', `/projects/bench-0/assets?limit=100&cursor=${deepCursor}`));
const assetsFiltered = await timeRuns(100, () => ok('GET', '/projects/bench-0/assets?limit=100&kind=IMAGE&stage=READY&q=stub-9'));
const signIn = await timeRuns(
  20,
  async () => {
    if (!(await verifyCredentials({ email: owner.email, password: 'loupe-test-password' }, 'bench')))
      throw new Error('sign-in failed');
  },
  2,
);

console.log(
  JSON.stringify({
    bench: 'api',
    projectsVisible: PROJECTS / 4,
    listProjectsMs: listProjects,
    getProjectMs: getProject,
    foreignProject404Ms: foreignProject,
    saveTaxonomyDraftMs: saveDraft,
    getTaxonomyMs: getTaxonomy,
    assets: ASSETS,
    assetsFirstPageMs: assetsFirstPage,
    assetsDeepPageMs: assetsDeepPage,
    assetsFilteredPageMs: assetsFiltered,
    argon2SignInMs: signIn,
  }),
);
await db().$disconnect();
redis().disconnect();
