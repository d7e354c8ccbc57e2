import type { TComment } from '@/lib/schemas/workflow';

// "@lead@loupe.test": an @ followed by an email address.
const MENTION = /(@[\w.+-]+@[\w-]+(?:\.[\w-]+)+)/g;

/** A comment's text with the people it mentions highlighted. */
export function CommentBody({ comment }: { comment: TComment }) {
  const mentioned = new Set(comment.mentions.map((m) => m.email.toLowerCase()));
  return (
    <p className="whitespace-pre-wrap text-zinc-800">
      {comment.body.split(MENTION).map((part, i) =>
        i % 2 === 1 && mentioned.has(part.slice(1).toLowerCase()) ? (
          <mark key={i} className="rounded bg-accent-50 px-0.5 text-accent-700">
            {part}
          </mark>
        ) : (
          part
        ),
      )}
    </p>
  );
}
