import { spawnSync } from 'node:child_process';
import { run } from '../lib/run';

// Audio/video preprocessing and the media fixtures spawn Debian's ffmpeg/ffprobe.
export async function ensureFfmpeg(): Promise<string> {
  if (hasCommand('ffmpeg') && hasCommand('ffprobe')) return 'ffmpeg present';
  if (process.getuid?.() !== 0) {
    return 'ffmpeg missing: audio/video processing will fail; install it with `sudo apt-get install -y ffmpeg`';
  }
  await aptInstall('ffmpeg');
  return 'installed ffmpeg with apt-get';
}

// The seed's speech fixture (prisma/fixtures/speech.ts) is spoken by espeak-ng.
export async function ensureEspeak(): Promise<string> {
  if (hasCommand('espeak-ng', '--version')) return 'espeak-ng present';
  if (process.getuid?.() !== 0) {
    return 'espeak-ng missing: the seed will fail; install it with `sudo apt-get install -y espeak-ng`';
  }
  await aptInstall('espeak-ng');
  return 'installed espeak-ng with apt-get';
}

export function hasCommand(name: string, versionFlag = '-version'): boolean {
  return spawnSync(name, [versionFlag], { stdio: 'ignore' }).status === 0;
}

async function aptInstall(pkg: string): Promise<void> {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  try {
    await run('apt-get', ['install', '-y', '--no-install-recommends', pkg], { env, output: 'capture' });
  } catch {
    // A machine whose package lists were never fetched knows no packages yet.
    await run('apt-get', ['update'], { env, output: 'capture' });
    await run('apt-get', ['install', '-y', '--no-install-recommends', pkg], { env, output: 'capture' });
  }
}
