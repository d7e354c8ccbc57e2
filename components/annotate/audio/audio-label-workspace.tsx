'use client';

import { useMemo, useRef, useState, type ReactNode } from 'react';
import { snapCandidates, snapTime, segmentsAt } from '@/lib/annotate/audio/navigation';
import { segmentProblems } from '@/lib/annotate/audio/segment-problems';
import { addSegment, newSegment, setIntentional, setText, setTimes, segmentsInTime } from '@/lib/annotate/audio/segments';
import { annotationProblems } from '@/lib/annotate/annotation-problems';
import { setAttribute, setClass } from '@/lib/annotate/commands';
import { newRegionId } from '@/lib/annotate/region-id';
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
import { AUDIO_KEYS, editShortcuts, playbackShortcuts, type SegmentField } from './audio-shortcuts';
import { AudioToolbar } from './audio-toolbar';
import { SegmentList, type SegmentListHandle } from './segment-list';
import { useAudioPlayback } from './use-audio-playback';
import { Waveform } from './waveform';
import { waveSegments } from './wave-segments';

/** Snapping reaches this many pixels at the current zoom. */
const SNAP_PX = 6;

/** The label pass on a recording: waveform and transcripts on the left, classes and attributes on the right. */
export function AudioLabelWorkspace(props: PanelProps & { comments: ReactNode }) {
  const { annotation, asset } = props.view;
  if (!annotation) return <Notice tone="error">This item has no annotation to edit yet. Reload it, or skip it.</Notice>;
  if (!asset.durationSec)
    return <Notice tone="error">This recording has no known duration: its preprocessing failed or has not finished.</Notice>;
  return <Workspace {...props} annotation={annotation} durationSec={asset.durationSec} />;
}

function Workspace(
  props: PanelProps & { comments: ReactNode; annotation: { version: number; regions: TRegion[] }; durationSec: number },
) {
  const { slug, view, active, onReload, annotation, comments, durationSec } = props;
  const editor = useAnnotationEditor(slug, view.assignment.id, annotation);
  const actions = useLabelActions(props, editor);
  const doc = useRegionDocument(editor);
  const classes = view.taxonomy.classes;
  // Every class a segment can have (the attribute form names a deprecated one), and those new segments may use.
  const segmentKinds = useMemo(() => classes.filter((c) => c.geometries.includes('audio_segment')), [classes]);
  const segmentClasses = useMemo(() => labelableClasses(segmentKinds), [segmentKinds]);
  const keys = useMemo(() => classKeys(segmentClasses, AUDIO_KEYS), [segmentClasses]);
  const [classId, setClassId] = useState<string | null>(segmentClasses[0]?.id ?? null);
  const [markIn, setMarkIn] = useState<number | null>(null);
  const list = useRef<SegmentListHandle>(null);
  const editable = actions.canAct;

  const sorted = useMemo(() => segmentsInTime(doc.regions), [doc.regions]);
  const playback = useAudioPlayback(sorted);
  const { wave } = playback;
  const { problems, waivable, blocking } = useMemo(() => {
    const all = annotationProblems(doc.regions, classes, { durationSec, frameCount: null });
    const byRegion = new Map<string, string[]>();
    for (const p of all) byRegion.set(p.regionId, [...(byRegion.get(p.regionId) ?? []), p.message]);
    const audio = new Set(segmentProblems(doc.regions, classes, durationSec).map((p) => p.regionId));
    return { problems: byRegion, waivable: audio, blocking: all.map((p) => p.message) };
  }, [doc.regions, classes, durationSec]);
  const shown = useMemo(
    () => waveSegments(sorted, classes, { selected: doc.selected, problems, editable }),
    [sorted, classes, doc.selected, problems, editable],
  );
  const speakers = useMemo(
    () =>
      [
        ...new Set(
          sorted.flatMap((s) => (typeof s.attributes.speaker === 'string' && s.attributes.speaker ? [s.attributes.speaker] : [])),
        ),
      ].sort(),
    [sorted],
  );

  const snap = (t: number, exceptId: string | null) =>
    wave ? snapTime(t, snapCandidates(sorted, exceptId, [playback.now()]), SNAP_PX / wave.pxPerSec()) : t;
  /**
   * A new segment of the picked class. A drag's ends snap; I / O marks are where the playhead was (at a
   * zoomed-out view 6 px can be minutes, and the start would snap onto the playhead at the end).
   */
  function create(start: number, end: number, snapping = true) {
    if (!classId) return;
    const id = newRegionId();
    const [a, b] = snapping ? [snap(start, null), snap(end, null)] : [start, end];
    const segment = newSegment({ id, classId, start: a, end: b, duration: durationSec });
    doc.apply({ patch: addSegment(doc.current(), segment), select: [id] });
  }
  function retime(id: string, start: number, end: number, side: 'start' | 'end' | null) {
    // A moved segment snaps by whichever edge lands nearer something; a resized one by the edge dragged.
    let [a, b] = [start, end];
    if (side === 'start') a = snap(start, id);
    else if (side === 'end') b = snap(end, id);
    else {
      const byStart = snap(start, id) - start;
      const byEnd = snap(end, id) - end;
      const shift = byStart === 0 ? byEnd : byEnd === 0 ? byStart : Math.abs(byStart) < Math.abs(byEnd) ? byStart : byEnd;
      [a, b] = [start + shift, end + shift];
    }
    const patch = setTimes(doc.current(), id, a, b, durationSec);
    if (patch.length > 0) doc.apply({ patch });
    // Refused (too short, locked) or unchanged: the region goes back to where the document has it.
    else wave?.sync(shown, editable);
  }
  /** An edge dropped in the sample lens: on that sample exactly, no snapping (6 px there is a few samples). */
  function setEdge(id: string, side: 'start' | 'end', t: number) {
    const s = sorted.find((x) => x.id === id);
    if (!s) return;
    const patch = setTimes(doc.current(), id, side === 'start' ? t : s.start, side === 'end' ? t : s.end, durationSec);
    if (patch.length > 0) doc.apply({ patch, select: [id] });
  }

  const target = () => {
    const chosen = sorted.filter((s) => doc.selected.has(s.id));
    if (chosen.length > 0) return chosen[0]!;
    const under = segmentsAt(sorted, playback.now());
    return under[under.length - 1] ?? null;
  };
  const keyContext = {
    doc,
    durationSec,
    wave,
    sorted,
    target,
    select: (id: string) => doc.select([id]),
    toggleLoop: () => playback.toggleLoop(target()),
    stopLoop: playback.stopLoop,
    toggleSpectrogram: playback.toggleSpectrogram,
    stepRate: playback.stepRate,
    markIn: () => setMarkIn(playback.now()),
    markOut: () => {
      if (markIn === null) return false;
      create(markIn, playback.now(), false);
      setMarkIn(null);
    },
    focusField: (id: string, field: SegmentField) => list.current?.focusField(id, field) ?? false,
    waivable,
    goToBox: playback.goToBox,
  };
  function pickClass(id: string) {
    setClassId(id);
    const ids = [...doc.selected];
    const klass = segmentClasses.find((c) => c.id === id);
    if (editable && klass && ids.length > 0) doc.run((r) => setClass(r, ids, klass));
  }
  const canSubmit = blocking.length === 0 && sorted.length > 0;
  const [submitKey, ...passKeys] = actions.shortcuts(canSubmit);
  const shortcuts: Shortcut[] = [
    ...segmentClasses.flatMap((c, i) => (keys[i] ? [{ key: keys[i]!, label: c.name, run: () => pickClass(c.id) }] : [])),
    ...editShortcuts(keyContext),
    submitKey!,
    ...passKeys,
    ...playbackShortcuts(keyContext),
  ];
  const selectedSegments = sorted.filter((s) => doc.selected.has(s.id));

  return (
    <div className="grid items-start gap-4 lg:grid-cols-[minmax(0,1fr)_22rem]" data-testid="audio-editor">
      <div className="space-y-3">
        <div className="overflow-hidden rounded-lg border border-zinc-200 bg-white">
          <AudioToolbar
            playback={playback}
            durationSec={durationSec}
            onLoop={keyContext.toggleLoop}
            markIn={markIn}
            history={{ canUndo: doc.canUndo, canRedo: doc.canRedo, onUndo: doc.undo, onRedo: doc.redo }}
          />
          <Waveform
            playUrl={view.asset.playUrl}
            durationSec={durationSec}
            levels={view.asset.peaks}
            segments={shown}
            editable={editable}
            onBinding={playback.setWave}
            source={{ slug, assetId: view.asset.id }}
            spectrogram={playback.spectrogram}
            events={{
              onCreate: create,
              onTimes: retime,
              onEdge: setEdge,
              onSelect: (id, additive) => doc.select(id === null ? [] : additive ? [...doc.selected, id] : [id]),
              onOpen: (id) => {
                doc.select([id]);
                list.current?.focusField(id, 'transcript');
              },
              onTime: playback.onTime,
              onPlaying: playback.setPlaying,
              onView: () => undefined,
            }}
          />
        </div>
        <div className="rounded-lg border border-zinc-200 bg-white p-2">
          <SegmentList
            ref={list}
            segments={sorted}
            classes={classes}
            selected={doc.selected}
            current={playback.current}
            following={playback.playing}
            problems={problems}
            waivable={waivable}
            readOnly={!editable}
            speakers={speakers}
            onSelect={(id, additive) => doc.select(additive ? [...doc.selected, id] : [id])}
            onSeek={(t) => wave?.seek(t)}
            onText={(id, text) => doc.run((r) => setText(r, id, text))}
            onSpeaker={(id, speaker) => doc.run((r) => setAttribute(r, id, 'speaker', speaker === '' ? null : speaker))}
            onIntentional={(id, on) => doc.run((r) => setIntentional(r, [id], on))}
            onEditStart={doc.beginEdit}
            onEditEnd={doc.endEdit}
          />
        </div>
      </div>
      <div className="space-y-3">
        <LabelCard
          head={{ view, editor, regions: doc.regions, classes, shortcuts, enabled: editable }}
          picker={{
            classes: segmentClasses,
            keys,
            chosen: new Set(classId ? [classId] : []),
            onPick: pickClass,
            disabled: !editable,
          }}
          missing={segmentClasses.length === 0 ? 'This pass has no classes for audio segments.' : null}
        >
          <SelectionAttributes
            doc={doc}
            classes={segmentKinds}
            selected={selectedSegments}
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
              isEmpty: sorted.length === 0,
              empty: 'Mark a segment to submit.',
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
