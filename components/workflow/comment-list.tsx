import type { TComment } from '@/lib/schemas/workflow';
import { formatRelative } from '../ui/format';
import { CommentBody } from './comment-body';

export function CommentList({ comments }: { comments: readonly TComment[] }) {
  if (comments.length === 0) return <p className="text-xs text-zinc-500">No comments yet.</p>;
  return (
    <ul className="space-y-2" aria-label="Comments">
      {comments.map((c) => (
        <li key={c.id} className="text-sm" data-testid="comment">
          <p className="text-xs text-zinc-500">
            <span className="font-medium text-zinc-700">{c.author.name}</span> · {formatRelative(c.createdAt)}
            {c.regionId && ' · on a label'}
          </p>
          <CommentBody comment={c} />
        </li>
      ))}
    </ul>
  );
}
