'use client';

import { forwardRef, useEffect, useImperativeHandle, useRef } from 'react';
import type { Point } from '@/lib/annotate/geometry';
import {
  drag,
  finishDraft,
  keypointClick,
  isPath,
  pathClick,
  press,
  release,
  skipKeypoint,
  undoDraftPoint,
  type Gesture,
  type ShapeDraft,
  type Tool,
  type ToolContext,
} from '@/lib/annotate/gestures';
import type { Outcome } from '@/lib/annotate/patch';
import { regionAt } from '@/lib/annotate/hit-test';
import { insertVertexAt, removeVertexAt } from '@/lib/annotate/vertex-edits';
import {
  actualSizeView,
  fitView,
  panBy,
  pinchView,
  screenToNormalized,
  toImage,
  wheelFactor,
  zoomAt,
  type View,
} from '@/lib/annotate/view';
import { ImageStage, type Scene } from './image-stage';
import { useImageSource } from './use-image-source';

export interface ImageCanvasHandle {
  fit: () => void;
  actualSize: () => void;
  zoom: (factor: number) => void;
  /** Enter: closes the shape being drawn; false when there is none. */
  finishDraft: () => boolean;
  /** Escape: drops the shape being drawn; false when there is none. */
  cancelDraft: () => boolean;
  /** Backspace: removes the last placed point; false when nothing is being drawn. */
  undoDraftPoint: () => boolean;
  /** N: the next keypoint is not visible. */
  skipKeypoint: () => boolean;
}

export interface ImageCanvasProps {
  preview: string;
  full: string;
  /** The image's size in pixels when the server knows it (else read off the loaded image). */
  pixelSize: { width: number; height: number } | null;
  scene: Scene;
  tool: Tool;
  classId: string | null;
  keypointCount: number;
  readOnly: boolean;
  brightness: number;
  contrast: number;
  newId: () => string;
  onOutcome: (outcome: Outcome) => void;
  onDraftChange: (draft: ShapeDraft | null) => void;
  /** Read-only: a click (a press that did not pan) on a shape, or on none (null). */
  onPick?: (regionId: string | null) => void;
}

/** Tolerance for grabbing handles and thin shapes, in screen pixels. */
const GRAB_PX = 6;
/** A read-only press that moves less than this is a click (it picks a shape), not a pan. */
const CLICK_SLOP_PX = 4;

/** The image with its regions: pointer and wheel input become gestures, gestures become outcomes. */
export const ImageCanvas = forwardRef<ImageCanvasHandle, ImageCanvasProps>(function ImageCanvas(props, ref) {
  const container = useRef<HTMLDivElement>(null);
  const stage = useRef<ImageStage | null>(null);
  const view = useRef<View | null>(null);
  // The view follows the window until the person zooms or pans.
  const userMoved = useRef(false);
  const gesture = useRef<Gesture | null>(null);
  const draft = useRef<ShapeDraft | null>(null);
  const cursor = useRef<Point | null>(null);
  const pan = useRef<{ x: number; y: number; travel: number } | null>(null);
  const spaceHeld = useRef(false);
  const latest = useRef(props);
  useEffect(() => {
    latest.current = props;
  });
  const image = useImageSource(props.preview, props.full, props.pixelSize);

  const applyView = (next: View) => {
    view.current = next;
    stage.current?.setView(next);
    const el = container.current;
    if (el)
      el.dataset.transform = JSON.stringify({ scale: next.scale, x: next.x, y: next.y, width: next.width, height: next.height });
  };
  const fit = () => {
    if (!stage.current || !image.size) return;
    userMoved.current = false;
    applyView(fitView(image.size, stage.current.size()));
  };

  useEffect(() => {
    const el = container.current!;
    const s = new ImageStage(el);
    stage.current = s;
    const observer = new ResizeObserver(() => {
      s.resize(el.clientWidth, el.clientHeight);
      if (!userMoved.current && view.current) applyView(fitView(view.current, s.size()));
    });
    observer.observe(el);
    return () => {
      observer.disconnect();
      s.destroy();
      stage.current = null;
    };
  }, []);

  // The picture: the thumbnail at once, the original when it has decoded.
  const { source, size, decoded } = image;
  useEffect(() => {
    const s = stage.current;
    if (!s || !source || !size) return;
    s.setImage(source, size.width, size.height);
    if (!view.current || view.current.width !== size.width || view.current.height !== size.height) {
      applyView(userMoved.current && view.current ? { ...view.current, ...size } : fitView(size, s.size()));
    }
  }, [source, size]);

  useEffect(() => {
    const s = stage.current;
    if (!s || !decoded) return;
    performance.mark('loupe:image-decoded');
    s.whenShown(() => performance.mark('loupe:regions-drawn'));
  }, [decoded]);

  useEffect(() => {
    stage.current?.setScene(props.scene);
  }, [props.scene]);

  useEffect(() => {
    stage.current?.setAdjustments(props.brightness, props.contrast);
  }, [props.brightness, props.contrast]);

  // A tool or class change abandons a half-drawn shape.
  useEffect(() => {
    setDraft(null);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only on a tool or class change
  }, [props.tool, props.classId]);

  function showTransient() {
    stage.current?.setTransient({ gesture: gesture.current, draft: draft.current, cursor: cursor.current });
  }
  function setDraft(next: ShapeDraft | null) {
    draft.current = next;
    latest.current.onDraftChange(next);
    showTransient();
  }
  function context(): ToolContext {
    const p = latest.current;
    const v = view.current!;
    return {
      regions: p.scene.regions,
      index: p.scene.index,
      selected: p.scene.selected,
      classId: p.classId,
      tolerance: screenToNormalized(v, GRAB_PX),
      newId: p.newId,
    };
  }
  function applyDraftStep(step: { draft: ShapeDraft | null; outcome?: Outcome }) {
    setDraft(step.draft);
    if (step.outcome) latest.current.onOutcome(step.outcome);
  }

  useImperativeHandle(ref, () => ({
    fit,
    actualSize: () => {
      if (!view.current || !stage.current) return;
      userMoved.current = true;
      applyView(actualSizeView(view.current, stage.current.size()));
    },
    zoom: (factor) => {
      if (!view.current || !stage.current) return;
      const { width, height } = stage.current.size();
      userMoved.current = true;
      applyView(zoomAt(view.current, [width / 2, height / 2], factor));
    },
    finishDraft: () => {
      if (!draft.current) return false;
      applyDraftStep(finishDraft(draft.current, context()));
      return true;
    },
    cancelDraft: () => {
      if (!draft.current) return false;
      setDraft(null);
      return true;
    },
    undoDraftPoint: () => {
      if (!draft.current) return false;
      setDraft(undoDraftPoint(draft.current));
      return true;
    },
    skipKeypoint: () => {
      if (draft.current?.kind !== 'keypoints') return false;
      applyDraftStep(skipKeypoint(draft.current, context()));
      return true;
    },
  }));

  // Pointer, wheel and space-bar input, bound natively: wheel must not be passive, and pointer moves
  // must not re-render React (they update the overlay directly).
  useEffect(() => {
    const el = container.current!;
    const local = (e: PointerEvent | WheelEvent | MouseEvent): Point => {
      const rect = el.getBoundingClientRect();
      return [e.clientX - rect.left, e.clientY - rect.top];
    };
    const imagePoint = (e: PointerEvent | MouseEvent) => toImage(view.current!, local(e));
    const setCursor = () => {
      const p = latest.current;
      el.style.cursor = pan.current
        ? 'grabbing'
        : spaceHeld.current
          ? 'grab'
          : p.tool === 'select' || p.readOnly
            ? 'default'
            : 'crosshair';
    };

    // Two fingers on a touch screen pinch and pan; a second finger cancels what the first began.
    const touches = new Map<number, Point>();
    const pinchPair = () => [...touches.values()].slice(0, 2) as [Point, Point];
    const onTouch = (e: PointerEvent): boolean => {
      if (e.pointerType !== 'touch') return false;
      if (e.type === 'pointerdown') touches.set(e.pointerId, local(e));
      if (touches.size < 2 || !touches.has(e.pointerId)) return false;
      if (e.type === 'pointerdown') {
        gesture.current = null;
        showTransient();
        return true;
      }
      const before = pinchPair();
      touches.set(e.pointerId, local(e));
      userMoved.current = true;
      applyView(pinchView(view.current!, before, pinchPair()));
      return true;
    };

    const onDown = (e: PointerEvent) => {
      if (!view.current) return;
      el.focus({ preventScroll: true });
      if (onTouch(e)) return;
      if (e.button === 1 || e.button === 2 || spaceHeld.current || (e.button === 0 && latest.current.readOnly)) {
        if (e.button === 2 && !spaceHeld.current) return;
        e.preventDefault();
        pan.current = { x: e.clientX, y: e.clientY, travel: 0 };
        el.setPointerCapture(e.pointerId);
        setCursor();
        return;
      }
      if (e.button !== 0) return;
      const p = latest.current;
      const point = imagePoint(e);
      const mods = { shift: e.shiftKey, alt: e.altKey };
      if (isPath(p.tool)) return applyDraftStep(pathClick(p.tool, draft.current, context(), point));
      if (p.tool === 'keypoints') return applyDraftStep(keypointClick(draft.current, context(), point, p.keypointCount, mods));
      const ctx = context();
      const removed = e.altKey && p.tool === 'select' ? removeVertexAt(ctx, point) : null;
      if (removed) return p.onOutcome(removed);
      gesture.current = press(p.tool, ctx, point, mods);
      if (gesture.current) el.setPointerCapture(e.pointerId);
      showTransient();
    };
    const onMove = (e: PointerEvent) => {
      if (!view.current || onTouch(e)) return;
      if (pan.current) {
        const [dx, dy] = [e.clientX - pan.current.x, e.clientY - pan.current.y];
        pan.current = { x: e.clientX, y: e.clientY, travel: pan.current.travel + Math.hypot(dx, dy) };
        userMoved.current = true;
        applyView(panBy(view.current, dx, dy));
        return;
      }
      const point = imagePoint(e);
      if (gesture.current) {
        gesture.current = drag(gesture.current, point);
        showTransient();
      } else if (draft.current) {
        cursor.current = point;
        showTransient();
      }
    };
    const onUp = (e: PointerEvent) => {
      if (el.hasPointerCapture(e.pointerId)) el.releasePointerCapture(e.pointerId);
      const pinching = touches.size >= 2;
      touches.delete(e.pointerId);
      if (pinching) return;
      if (pan.current) {
        const clicked = pan.current.travel < CLICK_SLOP_PX && e.button === 0 && !spaceHeld.current;
        pan.current = null;
        setCursor();
        const p = latest.current;
        if (clicked && p.readOnly && p.onPick) p.onPick(regionAt(p.scene.index, imagePoint(e), context().tolerance)?.id ?? null);
        return;
      }
      const done = gesture.current;
      if (!done) return;
      const outcome = release(done, context());
      gesture.current = null;
      latest.current.onOutcome(outcome);
      showTransient();
    };
    const onWheel = (e: WheelEvent) => {
      if (!view.current) return;
      e.preventDefault();
      userMoved.current = true;
      applyView(zoomAt(view.current, local(e), wheelFactor(e.deltaY, e.deltaMode)));
    };
    // Double-click on an edge of the selected polygon or polyline adds a vertex there.
    const onDoubleClick = (e: MouseEvent) => {
      const p = latest.current;
      if (p.readOnly || p.tool !== 'select' || !view.current) return;
      const outcome = insertVertexAt(context(), imagePoint(e));
      if (outcome) p.onOutcome(outcome);
    };
    const typing = (e: KeyboardEvent) =>
      (e.target as HTMLElement | null)?.closest('input, textarea, select, [contenteditable="true"]');
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.code !== 'Space' || typing(e)) return;
      e.preventDefault();
      spaceHeld.current = true;
      setCursor();
    };
    const onKeyUp = (e: KeyboardEvent) => {
      if (e.code !== 'Space') return;
      spaceHeld.current = false;
      setCursor();
    };
    const onContextMenu = (e: MouseEvent) => e.preventDefault();

    el.addEventListener('pointerdown', onDown);
    el.addEventListener('pointermove', onMove);
    el.addEventListener('pointerup', onUp);
    el.addEventListener('pointercancel', onUp);
    el.addEventListener('wheel', onWheel, { passive: false });
    el.addEventListener('dblclick', onDoubleClick);
    el.addEventListener('contextmenu', onContextMenu);
    window.addEventListener('keydown', onKeyDown);
    window.addEventListener('keyup', onKeyUp);
    setCursor();
    return () => {
      el.removeEventListener('pointerdown', onDown);
      el.removeEventListener('pointermove', onMove);
      el.removeEventListener('pointerup', onUp);
      el.removeEventListener('pointercancel', onUp);
      el.removeEventListener('wheel', onWheel);
      el.removeEventListener('dblclick', onDoubleClick);
      el.removeEventListener('contextmenu', onContextMenu);
      window.removeEventListener('keydown', onKeyDown);
      window.removeEventListener('keyup', onKeyUp);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- handlers read the latest props through refs
  }, [props.tool, props.readOnly]);

  return (
    <div className="relative h-full w-full">
      <div
        ref={container}
        tabIndex={-1}
        data-testid="image-canvas"
        aria-label="Image canvas"
        className="absolute inset-0 touch-none overflow-hidden bg-zinc-900 outline-none"
      />
      {image.error && (
        <p className="absolute inset-x-0 top-1/2 text-center text-sm text-red-200" role="alert">
          {image.error}
        </p>
      )}
      {!image.source && !image.error && (
        <p className="absolute inset-x-0 top-1/2 text-center text-sm text-zinc-400">Loading the image…</p>
      )}
    </div>
  );
});
