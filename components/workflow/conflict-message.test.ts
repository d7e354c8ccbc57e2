import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/api/client';
import { conflictMessage } from './conflict-message';

describe('conflictMessage', () => {
  it('says the taxonomy changed, and that a reload keeps the local labels, for TAXONOMY_CHANGED', () => {
    const message = conflictMessage(new ApiError(409, 'TAXONOMY_CHANGED', 'The taxonomy changed to version 2 while you worked'));
    expect(message?.status).toBe('Not saved: taxonomy changed');
    expect(message?.title).toMatch(/taxonomy changed while you worked/);
    expect(message?.advice).toMatch(/Reload .* unsaved labels stay in this browser/);
  });

  it('blames someone else for any other 409', () => {
    expect(conflictMessage(new ApiError(409, 'STALE_VERSION', 'saved from somewhere else'))).toEqual({
      status: 'Not saved: changed elsewhere',
      title: 'Someone else changed this item while you had it open.',
      advice: null,
    });
  });

  it('is nothing for errors that are not conflicts', () => {
    expect(conflictMessage(new ApiError(422, 'UNPROCESSABLE', 'bad'))).toBeNull();
    expect(conflictMessage(new Error('boom'))).toBeNull();
    expect(conflictMessage(null)).toBeNull();
  });
});
