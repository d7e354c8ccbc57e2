'use client';

import { useState, type DragEvent } from 'react';
import { buttonClass } from '../ui/button';
import { cx } from '../ui/cx';
import { filesFromDrop, filesFromList, type PickedFile } from './collect-files';

/** Drop files or whole folders, or pick them. Each drop (or pick) becomes one import batch. */
export function DropZone({ onFiles, disabled }: { onFiles: (files: PickedFile[]) => void; disabled?: boolean }) {
  const [over, setOver] = useState(false);
  const [reading, setReading] = useState(false);

  async function drop(event: DragEvent) {
    event.preventDefault();
    setOver(false);
    if (disabled) return;
    setReading(true);
    try {
      const files = await filesFromDrop(event.dataTransfer);
      if (files.length > 0) onFiles(files);
    } finally {
      setReading(false);
    }
  }

  const pick = (list: FileList | null) => {
    const files = filesFromList(list);
    if (files.length > 0) onFiles(files);
  };

  return (
    <div
      data-testid="drop-zone"
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
      className={cx(
        'flex flex-col items-center gap-3 rounded-lg border-2 border-dashed px-6 py-10 text-center transition-colors',
        over ? 'border-accent-500 bg-accent-50' : 'border-zinc-300 bg-white',
      )}
    >
      <p className="text-sm font-medium text-zinc-800">
        {reading ? 'Reading the folder…' : 'Drop images, audio, video or whole folders here'}
      </p>
      <p className="text-xs text-zinc-500">
        Large files go up in 8 MB chunks; an interrupted upload resumes when you drop the same file again.
      </p>
      <div className="flex gap-2">
        <label className={cx(buttonClass('primary'), 'cursor-pointer')}>
          Choose files
          <input
            type="file"
            multiple
            className="sr-only"
            disabled={disabled}
            data-testid="file-input"
            onChange={(e) => {
              pick(e.currentTarget.files);
              e.currentTarget.value = '';
            }}
          />
        </label>
        <label className={cx(buttonClass('secondary'), 'cursor-pointer')}>
          Choose folder
          <input
            type="file"
            multiple
            className="sr-only"
            disabled={disabled}
            data-testid="folder-input"
            // Not in React's typings; Chromium, Firefox and Safari all support it.
            {...{ webkitdirectory: '' }}
            onChange={(e) => {
              pick(e.currentTarget.files);
              e.currentTarget.value = '';
            }}
          />
        </label>
      </div>
    </div>
  );
}
