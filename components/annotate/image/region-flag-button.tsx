import type { JSX } from 'react';
import { cx } from '@/components/ui/cx';

// The region list's hide / lock toggles and their icons.

/** A small toggle in a region row; a click does not also select the row. */
export function FlagButton({
  label,
  pressed,
  disabled,
  title,
  onPress,
  children,
}: {
  label: string;
  pressed: boolean;
  disabled: boolean;
  title?: string;
  onPress: () => void;
  children: JSX.Element;
}) {
  return (
    <button
      type="button"
      aria-label={label}
      aria-pressed={pressed}
      title={title ?? label}
      disabled={disabled}
      // One tab stop for the list: the keys H and L do the same for the selection.
      tabIndex={-1}
      onClick={(e) => {
        e.stopPropagation();
        onPress();
      }}
      className={cx(
        'inline-flex size-6 shrink-0 items-center justify-center rounded transition-colors',
        'hover:bg-zinc-200 hover:text-zinc-900 disabled:cursor-not-allowed disabled:opacity-40 disabled:hover:bg-transparent',
        pressed ? 'text-zinc-900' : 'text-zinc-400',
      )}
    >
      {children}
    </button>
  );
}

const ICON = {
  width: 14,
  height: 14,
  viewBox: '0 0 24 24',
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: 2,
  strokeLinecap: 'round',
  strokeLinejoin: 'round',
  'aria-hidden': true,
} as const;

export function EyeIcon() {
  return (
    <svg {...ICON}>
      <path d="M2 12s3.5-7 10-7 10 7 10 7-3.5 7-10 7S2 12 2 12z" />
      <circle cx="12" cy="12" r="3" />
    </svg>
  );
}

export function EyeOffIcon() {
  return (
    <svg {...ICON}>
      <path d="M10.6 5.1A10.4 10.4 0 0 1 12 5c6.5 0 10 7 10 7a17.6 17.6 0 0 1-2.2 3.2M6.6 6.6C3.8 8.4 2 12 2 12s3.5 7 10 7a9.7 9.7 0 0 0 5.4-1.6" />
      <path d="M9.9 9.9a3 3 0 0 0 4.2 4.2" />
      <path d="M3 3l18 18" />
    </svg>
  );
}

export function LockIcon() {
  return (
    <svg {...ICON}>
      <rect x="4" y="11" width="16" height="10" rx="2" />
      <path d="M8 11V7a4 4 0 0 1 8 0v4" />
    </svg>
  );
}

export function UnlockIcon() {
  return (
    <svg {...ICON}>
      <rect x="4" y="11" width="16" height="10" rx="2" />
      <path d="M8 11V7a4 4 0 0 1 7.8-1.3" />
    </svg>
  );
}
