'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { ApiError, callApi } from '@/lib/api/client';
import { getAssignment, saveAnnotation } from '@/lib/api/operations/workflow';
import type { TRegion } from '@/lib/schemas/workflow';
import { useUnsavedChangesWarning } from '../use-unsaved-changes-warning';
import { clearDraft, clearDrafts, readDrafts, writeDraft, type Draft } from './annotation-draft';

export type SaveStatus = 'saved' | 'dirty' | 'saving' | 'conflict' | 'signed-out' | 'error';

const AUTOSAVE_MS = 600;

/**
 * The caller's annotation while they edit it: every change goes to a local draft at once and to the
 * server after a short pause, one save at a time, each carrying the version it builds on. A stale
 * version (409) stops autosaving and keeps the draft; after a reload the draft is offered back. An
 * expired session (401) keeps the draft too: once the person has signed in again and is back on the
 * item, the draft is restored (same version) and saved.
 */
export function useAnnotationEditor(slug: string, assignmentId: string, server: { version: number; regions: TRegion[] }) {
  const queryClient = useQueryClient();
  const [initial] = useState(() => startingPoint(assignmentId, server));
  const [regions, setRegions] = useState<TRegion[]>(initial.regions);
  const [status, setStatus] = useState<SaveStatus>(initial.restored ? 'dirty' : 'saved');
  const [error, setError] = useState<unknown>(null);
  const [staleDraft, setStaleDraft] = useState<Draft | null>(initial.stale);
  const version = useRef(server.version);
  const latest = useRef(regions);
  const dirty = useRef(initial.restored);
  const conflicted = useRef(false);
  const running = useRef<Promise<boolean> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  async function saveOnce(): Promise<boolean> {
    const body = { version: version.current, regions: latest.current };
    dirty.current = false;
    setStatus('saving');
    try {
      const saved = await callApi(saveAnnotation, { params: { projectId: slug, assignmentId }, body });
      clearDraft(localStorage, assignmentId, body.version);
      version.current = saved.version;
      // The labels were made on a taxonomy version published since: the server carried them over, and
      // the editor continues from what it stored (edits made during this save are still on the old classes).
      if (saved.migrated && !dirty.current) {
        latest.current = saved.migrated.regions;
        setRegions(saved.migrated.regions);
      }
      // Edits made during the save now build on the new version.
      if (dirty.current) writeDraft(localStorage, assignmentId, { version: saved.version, regions: latest.current });
      setStatus(dirty.current ? 'dirty' : 'saved');
      // The save extended the lease: let the header show the new one.
      void queryClient.invalidateQueries({ queryKey: [getAssignment.id] });
      return true;
    } catch (e) {
      dirty.current = true;
      conflicted.current = e instanceof ApiError && e.status === 409;
      const signedOut = e instanceof ApiError && e.status === 401;
      setStatus(conflicted.current ? 'conflict' : signedOut ? 'signed-out' : 'error');
      setError(e);
      return false;
    }
  }

  /** Saves until the server has the latest regions; false when a save failed (nothing is lost locally). */
  async function flush(): Promise<boolean> {
    clearTimeout(timer.current);
    for (;;) {
      if (running.current) {
        await running.current;
        continue;
      }
      if (conflicted.current) return false;
      if (!dirty.current) return true;
      const run = saveOnce();
      running.current = run;
      const ok = await run;
      running.current = null;
      if (!ok) return false;
    }
  }

  function change(next: TRegion[]) {
    latest.current = next;
    dirty.current = true;
    setRegions(next);
    writeDraft(localStorage, assignmentId, { version: version.current, regions: next });
    if (conflicted.current) return;
    setStatus('dirty');
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), AUTOSAVE_MS);
  }

  // A draft restored from this very version (a page reload) goes to the server straight away.
  useEffect(() => {
    if (initial.restored) void flush();
    return () => clearTimeout(timer.current);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, on mount
  }, []);

  // The local draft keeps the work anyway, but a person closing the tab should know it is not on the server yet.
  // Signed out, they are told their work waits on this device, and going to sign in must not ask first.
  useUnsavedChangesWarning(status !== 'saved' && status !== 'signed-out');

  const staleActions = {
    apply: () => {
      if (!staleDraft) return;
      clearDrafts(localStorage, assignmentId);
      setStaleDraft(null);
      change(staleDraft.regions);
    },
    discard: () => {
      clearDrafts(localStorage, assignmentId);
      setStaleDraft(null);
    },
  };

  const forgetDrafts = () => clearDrafts(localStorage, assignmentId);
  const currentVersion = () => version.current;
  return { regions, status, error, change, flush, currentVersion, staleDraft, staleActions, forgetDrafts };
}

function startingPoint(assignmentId: string, server: { version: number; regions: TRegion[] }) {
  const drafts = readDrafts(localStorage, assignmentId);
  const same = drafts.find((d) => d.version === server.version);
  const stale = drafts.find((d) => d.version !== server.version) ?? null;
  return { regions: same?.regions ?? server.regions, restored: !!same, stale: same ? null : stale };
}
