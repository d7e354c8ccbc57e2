import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';
import { cx } from './cx';

const CONTROL =
  'block w-full rounded-md border bg-white px-2.5 text-zinc-900 shadow-xs placeholder:text-zinc-400 ' +
  'focus:border-accent-500 focus:outline-none focus:ring-2 focus:ring-accent-500/20 disabled:bg-zinc-50 disabled:text-zinc-500';

function controlClass(invalid: boolean | undefined, size: string, extra?: string): string {
  return cx(CONTROL, size, invalid ? 'border-red-400' : 'border-zinc-300', extra);
}

interface ControlProps {
  invalid?: boolean;
  /** The smaller size used inside dense editors. */
  compact?: boolean;
}

export function Input({ invalid, compact, className, ...rest }: InputHTMLAttributes<HTMLInputElement> & ControlProps) {
  return (
    <input
      className={controlClass(invalid, compact ? 'h-7 text-xs' : 'h-8 text-sm', className)}
      aria-invalid={invalid || undefined}
      {...rest}
    />
  );
}

export function Select({ invalid, compact, className, ...rest }: SelectHTMLAttributes<HTMLSelectElement> & ControlProps) {
  return (
    <select
      className={controlClass(invalid, compact ? 'h-7 pr-7 text-xs' : 'h-8 pr-7 text-sm', className)}
      aria-invalid={invalid || undefined}
      {...rest}
    />
  );
}

export function Textarea({ invalid, className, ...rest }: TextareaHTMLAttributes<HTMLTextAreaElement> & { invalid?: boolean }) {
  return (
    <textarea className={controlClass(invalid, 'py-1.5 text-sm', className)} aria-invalid={invalid || undefined} {...rest} />
  );
}

/** A labelled control with an optional hint and the error the API (or local validation) reported for it. */
export function Field({
  label,
  error,
  hint,
  className,
  children,
}: {
  label: ReactNode;
  error?: string;
  hint?: ReactNode;
  className?: string;
  children: ReactNode;
}) {
  return (
    <label className={cx('block space-y-1', className)}>
      <span className="block text-xs font-medium text-zinc-700">{label}</span>
      {children}
      {error ? <FieldError message={error} /> : hint ? <span className="block text-xs text-zinc-500">{hint}</span> : null}
    </label>
  );
}

export function FieldError({ message }: { message?: string }) {
  if (!message) return null;
  return (
    <span role="alert" className="block text-xs text-red-600">
      {message}
    </span>
  );
}
