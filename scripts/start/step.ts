// Progress lines of `npm start`: "[loupe] ▸ name …" then "[loupe] ✓ name (detail) 1.2s".

export function say(message: string): void {
  console.log(`[loupe] ${message}`);
}

/** A failure the user can act on: shown as its message, without a stack trace. */
export class StartError extends Error {}

export async function step<T>(name: string, work: (setDetail: (detail: string) => void) => Promise<T>): Promise<T> {
  say(`▸ ${name} …`);
  const started = performance.now();
  const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)}s`;
  let detail = '';
  try {
    const result = await work((text) => {
      detail = text;
    });
    say(`✓ ${name}${detail ? ` (${detail})` : ''} ${elapsed()}`);
    return result;
  } catch (error) {
    say(`✗ ${name} ${elapsed()}`);
    throw error;
  }
}
