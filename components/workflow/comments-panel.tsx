import type { TComment } from '@/lib/schemas/workflow';
import { CommentForm } from './comment-form';
import { CommentList } from './comment-list';

/** The discussion of a task, shared by everyone who works on it. */
export function CommentsPanel({ slug, taskId, comments }: { slug: string; taskId: string; comments: readonly TComment[] }) {
  return (
    <section className="space-y-3 rounded-lg border border-zinc-200 bg-white p-3 shadow-xs">
      <h3 className="text-sm font-semibold text-zinc-900">
        Comments <span className="font-normal text-zinc-500">({comments.length})</span>
      </h3>
      <CommentList comments={comments} />
      <CommentForm slug={slug} taskId={taskId} />
    </section>
  );
}
