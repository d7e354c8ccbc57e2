import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';

export interface FolderFile {
  /** Real absolute path, checked to be inside the root. */
  absolute: string;
  /** Path as the user sees it, relative to the root (forward slashes). */
  relative: string;
  bytes: number;
}

export interface SkippedPath {
  relative: string;
  reason: string;
}

/**
 * Every regular file under `root`, recursively. A symlink is followed only when its real target is a
 * file inside the root; symlinked folders are never followed (no loops, no escapes). Whatever is
 * left out is reported, not dropped silently.
 */
export async function walkFolder(dir: string): Promise<{ root: string; files: FolderFile[]; skipped: SkippedPath[] }> {
  const root = await realpath(dir);
  if (!(await stat(root)).isDirectory()) throw new Error(`${dir} is not a folder`);
  const files: FolderFile[] = [];
  const skipped: SkippedPath[] = [];
  const pending = [root];
  while (pending.length > 0) {
    const current = pending.pop()!;
    const entries = await readdir(current, { withFileTypes: true });
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      const full = path.join(current, entry.name);
      const relative = path.relative(root, full).split(path.sep).join('/');
      if (entry.isDirectory()) pending.push(full);
      else if (entry.isFile()) files.push({ absolute: full, relative, bytes: (await lstat(full)).size });
      else if (entry.isSymbolicLink()) {
        const resolved = await resolveInside(root, relative).catch((error: Error) => error);
        if (resolved instanceof Error) skipped.push({ relative, reason: resolved.message });
        else files.push({ absolute: resolved.absolute, relative, bytes: resolved.bytes });
      } else skipped.push({ relative, reason: 'not a regular file' });
    }
  }
  return { root, files: files.sort((a, b) => a.relative.localeCompare(b.relative)), skipped };
}

/**
 * A path from a manifest or a symlink, resolved (symlinks included) and required to be a regular file
 * inside `root` (itself a real path). Throws with the reason otherwise.
 */
export async function resolveInside(root: string, relative: string): Promise<{ absolute: string; bytes: number }> {
  if (path.isAbsolute(relative) || /^[a-z][a-z0-9+.-]*:/i.test(relative)) {
    throw new Error('absolute paths and URLs are refused: give a path relative to the folder');
  }
  const joined = path.resolve(root, relative);
  if (!isInside(root, joined)) throw new Error('the path leaves the folder');
  const real = await realpath(joined).catch(() => {
    throw new Error('no such file (or a broken symlink)');
  });
  if (!isInside(root, real)) throw new Error('symlink points outside the folder');
  const info = await stat(real);
  if (!info.isFile()) throw new Error(info.isDirectory() ? 'symlinked folders are not followed' : 'not a regular file');
  return { absolute: real, bytes: info.size };
}

function isInside(root: string, candidate: string): boolean {
  const rel = path.relative(root, candidate);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel);
}
