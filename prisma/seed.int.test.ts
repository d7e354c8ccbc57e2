import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZTaxonomyDefinitionSchema } from '@/lib/schemas/taxonomy';
import { verifyPassword } from '@/server/auth/password';
import { db } from '@/server/db';
import { closeQueues, getQueue } from '@/server/jobs/enqueue';
import { blobStore } from '@/server/storage/blob-store';
import { getTaxonomy } from '@/server/taxonomy/get-taxonomy';
import { ZQualityReportBodySchema } from '@/lib/schemas/quality';
import { computeQualityReport } from '@/server/quality/compute-quality-report';
import { PILOT_ANNOTATORS, PILOT_PROJECT, PILOT_WEEKS } from './seed-pilot';
import { DEMO_PASSWORD, DEMO_PROJECT, DEMO_USERS, OTHER_PROJECT, OTHER_USER, seed } from './seed';
import { generateSpeech } from './fixtures/speech';
import { VOICES } from './seed-voices';

// Row counts of every table the seed writes, plus the ids, so a second run that recreated rows shows.
async function state() {
  const client = db();
  return {
    users: await client.user.findMany({ select: { id: true, email: true, passwordHash: true }, orderBy: { email: 'asc' } }),
    projects: await client.project.findMany({ select: { id: true, slug: true }, orderBy: { slug: 'asc' } }),
    memberships: await client.membership.findMany({ select: { id: true, role: true }, orderBy: { id: 'asc' } }),
    taxonomyVersions: await client.taxonomyVersion.findMany({ select: { id: true, status: true }, orderBy: { id: 'asc' } }),
    batches: await client.importBatch.findMany({ select: { id: true }, orderBy: { id: 'asc' } }),
    blobs: await client.blob.count(),
    assets: await client.asset.findMany({ select: { id: true }, orderBy: { id: 'asc' } }),
    passes: await client.workflowPass.findMany({ select: { id: true }, orderBy: { id: 'asc' } }),
    tasks: await client.task.count(),
  };
}

beforeAll(async () => {
  await seed(db(), DEMO_PASSWORD);
});
afterAll(closeQueues);

it('queues every RAW demo asset for the pipeline, once', async () => {
  const raw = await db().asset.count({ where: { stage: 'RAW' } });
  expect(raw).toBeGreaterThan(10);
  await seed(db(), DEMO_PASSWORD);
  expect(await getQueue('ingest').getWaitingCount()).toBe(raw);
});

describe('demo seed', () => {
  it('creates the demo users with their roles in the demo project and the shared password', async () => {
    const project = await db().project.findUniqueOrThrow({
      where: { slug: DEMO_PROJECT.slug },
      include: { memberships: { include: { user: true } } },
    });
    expect(project.name).toBe('Street scenes demo');
    const roles = Object.fromEntries(project.memberships.map((m) => [m.user.email, m.role]));
    expect(roles).toEqual(Object.fromEntries(DEMO_USERS.map((u) => [u.email, u.role])));
    for (const m of project.memberships) {
      expect(await verifyPassword(m.user.passwordHash ?? '', 'loupe-demo')).toBe(true);
      expect(m.user.isSiteAdmin).toBe(m.user.email === 'admin@loupe.test');
    }
  });

  it('keeps the demo users out of the other project', async () => {
    const other = await db().project.findUniqueOrThrow({
      where: { slug: OTHER_PROJECT.slug },
      include: { memberships: { include: { user: true } }, assets: true },
    });
    expect(other.memberships.map((m) => [m.user.email, m.role])).toEqual([[OTHER_USER.email, 'OWNER']]);
    expect(other.assets).toHaveLength(1);
  });

  it('publishes version 1 of a valid taxonomy with a colored traffic light class', async () => {
    const versions = await db().taxonomyVersion.findMany({ where: { taxonomy: { project: { slug: DEMO_PROJECT.slug } } } });
    expect(versions).toHaveLength(1);
    const [v1] = versions;
    expect(v1).toMatchObject({ version: 1, status: 'PUBLISHED', checksum: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(v1?.publishedAt).toBeInstanceOf(Date);
    const definition = ZTaxonomyDefinitionSchema.parse(v1?.definition);
    const light = definition.classes.find((c) => c.id === 'traffic_light');
    expect(light?.attributes).toContainEqual(
      expect.objectContaining({ id: 'color', type: 'enum', options: ['red', 'yellow', 'green', 'off'] }),
    );
    const geometries = new Set(definition.classes.flatMap((c) => c.geometries));
    expect(geometries).toEqual(
      new Set(['bbox', 'polygon', 'polyline', 'keypoints', 'classification', 'audio_segment', 'video_track', 'event']),
    );
  });

  it('is the taxonomy the app shows the demo users', async () => {
    const lead = await db().user.findUniqueOrThrow({ where: { email: 'lead@loupe.test' } });
    const project = await db().project.findUniqueOrThrow({ where: { slug: DEMO_PROJECT.slug } });
    const shown = await getTaxonomy({ actor: lead, via: 'session' }, { projectId: project.id });
    expect(shown.published).toMatchObject({ version: 1, status: 'PUBLISHED', publishedBy: 'Ada Admin' });
    expect(shown.draft).toBeNull();
  });

  it('imports the generated media as one SEED batch, with sizes and timings read from the files', async () => {
    const batches = await db().importBatch.findMany({
      where: { project: { slug: DEMO_PROJECT.slug } },
      include: { assets: true },
    });
    expect(batches).toHaveLength(1);
    const [batch] = batches;
    expect(batch?.source).toBe('SEED');
    const assets = batch?.assets ?? [];
    const byName = Object.fromEntries(assets.map((a) => [a.filename, a]));
    expect(assets.filter((a) => a.kind === 'IMAGE')).toHaveLength(12);
    expect(byName['street-05.jpg']).toMatchObject({ mime: 'image/jpeg', width: 1920, height: 1080, stage: 'RAW' });
    expect(byName['street-06-portrait.png']).toMatchObject({ mime: 'image/png', width: 480, height: 640 });
    expect(byName['tones.wav']).toMatchObject({ kind: 'AUDIO', mime: 'audio/wav', width: null });
    expect(byName['tones.wav']?.durationSec).toBeCloseTo(10, 1);
    expect(byName['noise-and-tones.mp3']).toMatchObject({ kind: 'AUDIO', mime: 'audio/mpeg' });
    expect(byName['testsrc-10s-25fps.mp4']).toMatchObject({
      kind: 'VIDEO',
      mime: 'video/mp4',
      width: 640,
      height: 360,
      fps: 25,
      frameCount: 250,
    });
    expect(byName['testsrc-10s-25fps.mp4']?.durationSec).toBeCloseTo(10, 1);
    for (const asset of assets) {
      expect(await blobStore().stat(asset.blobSha256)).toEqual({ bytes: Number(asset.bytes) });
    }
  });

  it('sets up label → review → adjudicate, with a task for each demo asset as it becomes READY', async () => {
    const project = await db().project.findUniqueOrThrow({ where: { slug: DEMO_PROJECT.slug }, include: { passes: true } });
    expect(project.autoCreateTasks).toBe(true);
    expect(project.passes.sort((a, b) => a.position - b.position).map((p) => [p.kind, p.roles])).toEqual([
      ['LABEL', ['ANNOTATOR', 'REVIEWER', 'DATA_LEAD', 'OWNER']],
      ['REVIEW', ['REVIEWER', 'DATA_LEAD', 'OWNER']],
      ['ADJUDICATE', ['DATA_LEAD', 'OWNER']],
    ]);
    // Seeded media is RAW: the pipeline, not the seed, makes its tasks (a re-seed catches up READY ones).
    expect(await db().task.count({ where: { projectId: project.id } })).toBe(0);
    const [asset] = await db().asset.findMany({ where: { projectId: project.id }, take: 1 });
    await db().asset.update({ where: { id: asset!.id }, data: { stage: 'READY' } });
    await seed(db(), DEMO_PASSWORD);
    expect(await db().task.findMany({ where: { projectId: project.id } })).toMatchObject([
      { assetId: asset!.id, passId: project.passes[0]!.id },
    ]);
  });

  it('leaves the database as it was when run again', async () => {
    const before = await state();
    await seed(db(), DEMO_PASSWORD);
    expect(await state()).toEqual(before);
  });
});

describe('pilot seed', () => {
  it('leaves eight weeks of double labeling whose report catches the planted drift', async () => {
    const pilot = await db().project.findUniqueOrThrow({ where: { slug: PILOT_PROJECT.slug } });
    const tasks = await db().task.findMany({ where: { projectId: pilot.id }, include: { assignments: true } });
    expect(tasks).toHaveLength(PILOT_WEEKS * 12);
    expect(tasks.every((t) => t.status === 'DONE' && t.assignments.length === 2)).toBe(true);
    expect(new Set(tasks.flatMap((t) => t.assignments.map((a) => a.userId))).size).toBe(PILOT_ANNOTATORS.length);

    await computeQualityReport(pilot.id);
    const { report } = await db().qualityReport.findUniqueOrThrow({ where: { projectId: pilot.id } });
    const { weekly, alerts } = ZQualityReportBodySchema.parse(report);
    const weeks = weekly.filter((w) => w.family === 'regions').map((w) => w.week);
    expect(weeks).toHaveLength(PILOT_WEEKS);
    // Sam's drift (weeks 6–8) and the busy crossing (weeks 7–8) show; the four baseline weeks never alert.
    const raised = alerts.map((a) => `${a.kind}@${weeks.indexOf(a.week) + 1}`);
    expect(raised).toEqual(expect.arrayContaining(['label_shift@7', 'agreement_drop@7', 'agreement_drop@8']));
    expect(alerts.every((a) => weeks.indexOf(a.week) >= 4)).toBe(true);
  });
});

describe('voices seed', () => {
  const voices = () =>
    db().project.findUniqueOrThrow({
      where: { slug: VOICES.slug },
      include: {
        memberships: { include: { user: true }, orderBy: { userId: 'asc' } },
        passes: { orderBy: { position: 'asc' } },
        assets: { orderBy: { filename: 'asc' } },
        importBatches: true,
        taxonomies: { include: { versions: true } },
      },
    });

  it('gives the demo users the audio editor project, tasks made as its media becomes READY', async () => {
    const project = await voices();
    expect(project).toMatchObject({ name: 'Voices demo', autoCreateTasks: true });
    const roles = Object.fromEntries(project.memberships.map((m) => [m.user.email, m.role]));
    expect(roles).toEqual(Object.fromEntries(DEMO_USERS.map((u) => [u.email, u.role])));
  });

  it('publishes a taxonomy of audio segments, speech with a required speaker', async () => {
    const versions = (await voices()).taxonomies.flatMap((t) => t.versions);
    expect(versions).toMatchObject([{ version: 1, status: 'PUBLISHED' }]);
    const { classes } = ZTaxonomyDefinitionSchema.parse(versions[0]?.definition);
    expect(classes.map((c) => [c.id, c.name, c.hotkey, c.geometries])).toEqual([
      ['speech', 'Speech', '1', ['audio_segment']],
      ['music', 'Music', '2', ['audio_segment']],
      ['noise', 'Noise', '3', ['audio_segment']],
      ['laughter', 'Laughter', '4', ['audio_segment']],
    ]);
    expect(classes[0]?.attributes).toEqual([
      { id: 'speaker', name: 'Speaker', type: 'text', required: true },
      { id: 'language', name: 'Language', type: 'enum', required: false, options: ['en', 'fr', 'other'] },
    ]);
  });

  it('sets up transcribe → review → adjudicate, transcription scoped to audio segments', async () => {
    const { passes } = await voices();
    expect(passes.map((p) => [p.kind, p.name, p.roles])).toEqual([
      ['LABEL', 'Transcribe', ['ANNOTATOR', 'REVIEWER', 'DATA_LEAD', 'OWNER']],
      ['REVIEW', 'Review', ['REVIEWER', 'DATA_LEAD', 'OWNER']],
      ['ADJUDICATE', 'Adjudicate', ['DATA_LEAD', 'OWNER']],
    ]);
    expect(passes[0]?.scope).toEqual({ classIds: [], geometries: ['audio_segment'], attributeIds: [] });
  });

  it('imports the speech and the two tone files as RAW audio in one SEED batch, queued for ingest', async () => {
    const project = await voices();
    expect(project.importBatches).toMatchObject([{ source: 'SEED', label: 'Voices media' }]);
    expect(project.assets.map((a) => [a.filename, a.kind, a.importBatchId])).toEqual(
      ['noise-and-tones.mp3', 'speech.wav', 'tones.wav'].map((name) => [name, 'AUDIO', project.importBatches[0]?.id]),
    );
    const speech = project.assets.find((a) => a.filename === 'speech.wav');
    expect(speech?.durationSec).toBeCloseTo((await generateSpeech()).duration, 2);
    const queued = await getQueue('ingest').getWaiting();
    const raw = project.assets.filter((a) => a.stage === 'RAW').map((a) => a.id);
    expect(
      queued
        .filter((job) => job.data.projectId === project.id)
        .map((job) => job.data.assetId)
        .sort(),
    ).toEqual(raw.sort());
  });

  it('gives a READY file its task in the Transcribe pass and leaves the project as it was when run again', async () => {
    const project = await voices();
    const speech = project.assets.find((a) => a.filename === 'speech.wav')!;
    await db().asset.update({ where: { id: speech.id }, data: { stage: 'READY' } });
    await seed(db(), DEMO_PASSWORD);
    const tasks = await db().task.findMany({ where: { projectId: project.id } });
    expect(tasks).toMatchObject([{ assetId: speech.id, passId: project.passes[0]!.id, status: 'OPEN' }]);

    const before = await voices();
    await seed(db(), DEMO_PASSWORD);
    const after = await voices();
    expect(after).toEqual(before);
    expect(await db().task.count({ where: { projectId: project.id } })).toBe(1);
  });
});
