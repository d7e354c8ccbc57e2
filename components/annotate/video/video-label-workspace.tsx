'use client';

import { useCallback, useMemo, useRef, useState, type ReactNode } from 'react';
import { annotationProblems } from '@/lib/annotate/annotation-problems';
import { setClass } from '@/lib/annotate/commands';
import { newRegionId } from '@/lib/annotate/region-id';
import { addEvent, newEvent, setEventSpan } from '@/lib/annotate/video/events';
import type { FrameMap } from '@/lib/annotate/video/frame-time';
import { polygonShape } from '@/lib/annotate/video/polygon-shape';
import {
  addTrack,
  moveKeyframe,
  newTrack,
  setKeyframe,
  setKeyframePoints,
  tracksOf,
  type Box,
} from '@/lib/annotate/video/tracks';
import type { TrackPoint } from '@/lib/tracks/polygon-bounds';
import type { TRegion } from '@/lib/schemas/workflow';
import { Notice } from '@/components/ui/states';
import { classKeys } from '@/components/workflow/hotkeys';
import { labelableClasses } from '@/lib/annotate/labelable-classes';
import type { Shortcut } from '@/components/workflow/keyboard-shortcuts';
import { LabelActionBar } from '@/components/workflow/label-action-bar';
import type { PanelProps } from '@/components/workflow/panel-props';
import { useAnnotationEditor } from '@/components/workflow/use-annotation-editor';
import { useLabelActions } from '@/components/workflow/use-label-actions';
import { LabelCard } from '../label-card';
import { SelectionAttributes } from '../selection-attributes';
import { submitBlocked } from '../submit-blocked';
import { useRegionDocument } from '../use-region-document';
import { frameBoxes } from './frame-boxes';
import type { DraftControl, DrawTool } from './video-overlay';
import { drawShortcuts, editShortcuts, playbackShortcuts, VIDEO_KEYS } from './video-shortcuts';
import { VideoStage } from './video-stage';
import { VideoTimeline } from './video-timeline';
import { VideoToolbar } from './video-toolbar';
import { useVideoPlayback } from './use-video-playback';
import { WithFrameMap } from './with-frame-map';

/** The label pass on a video: player, boxes and timeline on the left, classes and attributes on the right. */
export function VideoLabelWorkspace(props: PanelProps & { comments: ReactNode }) {
  const { annotation } = props.view;
  if (!annotation) return <Notice tone="error">This item has no annotation to edit yet. Reload it, or skip it.</Notice>;
  return (
    <WithFrameMap asset={props.view.asset}>{(map) => <Workspace {...props} annotation={annotation} map={map} />}</WithFrameMap>
  );
}

function Workspace(
  props: PanelProps & { comments: ReactNode; annotation: { version: number; regions: TRegion[] }; map: FrameMap },
) {
  const { slug, view, active, onReload, annotation, comments, map } = props;
  const editor = useAnnotationEditor(slug, view.assignment.id, annotation);
  const actions = useLabelActions(props, editor);
  const doc = useRegionDocument(editor);
  const classes = view.taxonomy.classes;
  // Every class a track or event can have (the attribute form names a deprecated one), and those new ones may use.
  const trackKinds = useMemo(
    () => classes.filter((c) => c.geometries.includes('video_track') || c.geometries.includes('event')),
    [classes],
  );
  const usable = useMemo(() => labelableClasses(trackKinds), [trackKinds]);
  const keys = useMemo(() => classKeys(usable, VIDEO_KEYS), [usable]);
  const [classId, setClassId] = useState<string | null>(usable[0]?.id ?? null);
  const [eventStart, setEventStart] = useState<number | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [tool, setTool] = useState<'box' | 'polygon'>('box');
  const [drafting, setDrafting] = useState(false);
  const draft = useRef<DraftControl | null>(null);
  const goTo = useRef<HTMLInputElement>(null);
  const playback = useVideoPlayback();
  // The frame is read from the clock, never held here: this component must not render on every frame.
  const { video, clock } = playback;
  const editable = actions.canAct;
  const chosen = usable.find((c) => c.id === classId) ?? null;
  const tracksAllowed = Boolean(chosen?.geometries.includes('video_track'));
  const polygonAllowed = tracksAllowed && Boolean(chosen?.geometries.includes('polygon'));
  // A class that tracks with boxes only draws boxes, whichever tool was last picked.
  const drawTool: DrawTool = editable && tracksAllowed ? (tool === 'polygon' && polygonAllowed ? 'polygon' : 'box') : null;

  const tracks = useMemo(() => tracksOf(doc.regions), [doc.regions]);
  const { problems, blocking } = useMemo(() => {
    const all = annotationProblems(doc.regions, classes, { durationSec: view.asset.durationSec, frameCount: map.frameCount });
    const byRegion = new Map<string, string[]>();
    for (const p of all) byRegion.set(p.regionId, [...(byRegion.get(p.regionId) ?? []), p.message]);
    return { problems: byRegion, blocking: all.map((p) => p.message) };
  }, [doc.regions, classes, view.asset.durationSec, map.frameCount]);
  const shapesAt = useCallback(
    (f: number) => frameBoxes(tracks, f, classes, { selected: doc.selected, editable }),
    [tracks, classes, doc.selected, editable],
  );

  function draw(box: Box | { points: TrackPoint[] }) {
    if (!chosen || !tracksAllowed) return;
    const id = newRegionId();
    const shape = 'points' in box ? polygonShape(box.points) : box;
    const track = newTrack({ id, classId: chosen.id, frame: clock.current, box: shape });
    doc.apply({ patch: addTrack(doc.current(), track), select: [id] });
  }
  const eventClass = chosen?.geometries.includes('event') ? chosen : null;
  /** An event of the chosen class over two frames in either order (E twice, or a drag on its lane). */
  function addEventSpan(from: number, to: number) {
    if (!eventClass) return;
    const id = newRegionId();
    const event = newEvent({ id, classId: eventClass.id, from, to, frameCount: map.frameCount });
    doc.apply({ patch: addEvent(doc.current(), event), select: [id] });
  }
  function markEvent() {
    if (!eventClass) {
      setNotice('Choose an event class first (its key or the class list), then press E on the first and the last frame.');
      return false;
    }
    if (eventStart === null) return void setEventStart(clock.current);
    addEventSpan(eventStart, clock.current);
    setEventStart(null);
  }
  function pickClass(id: string) {
    setClassId(id);
    const klass = usable.find((c) => c.id === id);
    const ids = doc.regions.filter((r) => doc.selected.has(r.id) && klass?.geometries.includes(r.type as never)).map((r) => r.id);
    if (editable && klass && ids.length > 0) doc.run((r) => setClass(r, ids, klass));
  }

  const keyContext = {
    video,
    stepRate: playback.stepRate,
    focusGoTo: () => goTo.current?.focus(),
    doc,
    frame: () => clock.current,
    tracks: () => tracks.filter((t) => doc.selected.has(t.id)),
    markEvent,
    notify: setNotice,
  };
  const selectedRegions = doc.regions.filter((r) => doc.selected.has(r.id));
  const canSubmit = blocking.length === 0 && doc.regions.length > 0;
  const [submitKey, ...passKeys] = actions.shortcuts(canSubmit);
  const shortcuts: Shortcut[] = [
    // First: while a polygon is drawn, Enter closes it and Escape drops it (not submit, not deselect).
    ...(editable ? drawShortcuts({ drafting, draft, polygonAllowed, tool, setTool }) : []),
    ...usable.flatMap((c, i) => (keys[i] ? [{ key: keys[i]!, label: c.name, run: () => pickClass(c.id) }] : [])),
    ...(editable ? editShortcuts(keyContext) : []),
    submitKey!,
    ...passKeys,
    ...playbackShortcuts(keyContext),
  ];

  return (
    <div className="grid items-start gap-4 lg:grid-cols-[minmax(0,1fr)_22rem]" data-testid="video-editor">
      <div className="space-y-3">
        <div className="overflow-hidden rounded-lg border border-zinc-200 bg-white">
          <VideoToolbar
            video={video}
            map={map}
            clock={clock}
            playing={playback.playing}
            rate={playback.rate}
            onRate={playback.setRate}
            goTo={goTo}
            eventStart={eventStart}
            tools={polygonAllowed && editable ? { tool, onTool: setTool, drafting } : undefined}
            history={{ canUndo: doc.canUndo, canRedo: doc.canRedo, onUndo: doc.undo, onRedo: doc.redo }}
          />
          <VideoStage
            playUrl={view.asset.playUrl}
            map={map}
            aspect={(view.asset.width ?? 16) / (view.asset.height ?? 9)}
            clock={clock}
            shapesAt={shapesAt}
            tool={drawTool}
            draft={draft}
            onBinding={playback.setVideo}
            video={{ onFrame: playback.onFrame, onPlaying: playback.setPlaying, onError: setNotice }}
            overlay={{
              onDraw: draw,
              onDrawPolygon: (points) => draw({ points }),
              onBox: (id, box) => doc.run((r) => setKeyframe(r, id, clock.current, box)),
              onPoints: (id, points) => doc.run((r) => setKeyframePoints(r, id, clock.current, points)),
              onDrafting: setDrafting,
              onSelect: (id, additive) => doc.select(id === null ? [] : additive ? [...doc.selected, id] : [id]),
            }}
          />
          <VideoTimeline
            regions={doc.regions}
            classes={classes}
            frameCount={map.frameCount}
            clock={clock}
            playing={playback.playing}
            selected={doc.selected}
            editable={editable}
            onSeek={(f) => video?.seekFrame(f)}
            onSelect={(id, additive) => doc.select(id === null ? [] : additive ? [...doc.selected, id] : [id])}
            onEventSpan={(id, start, end) => doc.run((r) => setEventSpan(r, id, start, end, map.frameCount))}
            eventClassId={eventClass?.id ?? null}
            onEventCreate={addEventSpan}
            onKeyframeMove={(id, from, to) => doc.run((r) => moveKeyframe(r, id, from, to))}
            onEditStart={doc.beginEdit}
            onEditEnd={doc.endEdit}
          />
        </div>
        {notice && (
          <Notice tone="warning">
            {notice}{' '}
            <button type="button" className="underline" onClick={() => setNotice(null)}>
              Dismiss
            </button>
          </Notice>
        )}
      </div>
      <div className="space-y-3">
        <LabelCard
          head={{ view, editor, regions: doc.regions, classes, shortcuts, enabled: editable }}
          picker={{ classes: usable, keys, chosen: new Set(classId ? [classId] : []), onPick: pickClass, disabled: !editable }}
          missing={usable.length === 0 ? 'This pass has no classes for tracks or events.' : null}
        >
          <SelectionAttributes
            doc={doc}
            classes={trackKinds}
            selected={selectedRegions}
            editable={editable}
            problems={problems}
            onSetClass={pickClass}
          />
          <LabelActionBar
            actions={actions}
            editor={editor}
            active={active}
            canSubmit={canSubmit}
            blocked={submitBlocked({
              isEmpty: doc.regions.length === 0,
              empty: 'Draw a box on the video, or mark an event, to submit.',
              problems: blocking,
              waivable: true,
            })}
            onReload={onReload}
          />
        </LabelCard>
        {comments}
      </div>
    </div>
  );
}
