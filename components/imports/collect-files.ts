// Files out of a drop or a folder picker. Dropped folders are walked through the (non-standard but
// universal) FileSystemEntry API; hidden files such as .DS_Store are left out.

export interface PickedFile {
  file: File;
  /** Where it sat in the dropped/picked folder, for display ("trip/day1/a.jpg"). */
  path: string;
}

function visible(name: string): boolean {
  return !name.startsWith('.');
}

export function filesFromList(list: FileList | null): PickedFile[] {
  return Array.from(list ?? [])
    .filter((file) => visible(file.name))
    .map((file) => ({ file, path: file.webkitRelativePath || file.name }));
}

export async function filesFromDrop(transfer: DataTransfer): Promise<PickedFile[]> {
  // Entries must be taken synchronously, before the drop event's data store is closed.
  const entries = Array.from(transfer.items)
    .filter((item) => item.kind === 'file')
    .map((item) => item.webkitGetAsEntry?.() ?? null);
  if (entries.every((e) => e === null)) return filesFromList(transfer.files);
  const out: PickedFile[] = [];
  for (const entry of entries) if (entry) await walk(entry, out);
  return out;
}

async function walk(entry: FileSystemEntry, out: PickedFile[]): Promise<void> {
  if (!visible(entry.name)) return;
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
    out.push({ file, path: entry.fullPath.replace(/^\//, '') });
    return;
  }
  if (entry.isDirectory) {
    const reader = (entry as FileSystemDirectoryEntry).createReader();
    // readEntries hands out at most ~100 entries per call; an empty batch means the folder is done.
    for (;;) {
      const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
      if (batch.length === 0) break;
      for (const child of batch) await walk(child, out);
    }
  }
}
