import { AppError } from '../errors';
import { readCappedText } from './read-capped-text';

/** Reads a JSON body, refusing more than `maxBytes` even when Content-Length lies or is absent. */
export async function readJsonBody(req: Request, maxBytes: number): Promise<unknown> {
  const declared = Number(req.headers.get('content-length') ?? '0');
  if (declared > maxBytes) throw tooLarge(maxBytes);
  const type = req.headers.get('content-type') ?? '';
  if (!/^application\/(.+\+)?json\b/i.test(type)) {
    throw new AppError('VALIDATION', 'Send the body as JSON (Content-Type: application/json)');
  }
  const text = await readCappedText(req.body, maxBytes, 'The request body');
  if (text.trim() === '') throw new AppError('VALIDATION', 'The request body is empty');
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError('VALIDATION', 'The request body is not valid JSON');
  }
}

function tooLarge(maxBytes: number): AppError {
  return new AppError('PAYLOAD_TOO_LARGE', `The request body is larger than ${maxBytes} bytes`);
}
