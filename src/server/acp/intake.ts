/**
 * The notification handler's one intake seam: the request body, capped
 * while it is read, decoded as a standard form, refused when a key repeats
 * or has blanks around it, or when its signed text would split into other
 * fields. When the shared notification receiver of issue 20 lands
 * (src/server/shared/), this function is the one place to point at it.
 */
import { regroupsTo, type AcpFields } from './wire.js';

/** Why a notification body was refused. */
export type IntakeRefusal = 'method' | 'content_type' | 'too_large' | 'malformed';

/** The fields of a notification, or why there are none. */
export async function readNotification(
  request: Request,
  maxBytes: number,
): Promise<{ readonly fields: AcpFields } | { readonly refused: IntakeRefusal }> {
  if (request.method !== 'POST') return { refused: 'method' };
  const type = (request.headers.get('content-type') ?? '').toLowerCase();
  if (!type.startsWith('application/x-www-form-urlencoded')) return { refused: 'content_type' };
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > maxBytes) return { refused: 'too_large' };
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body?.getReader();
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return { refused: 'too_large' };
    }
    chunks.push(value);
  }
  const fields: Record<string, string> = {};
  for (const [name, value] of new URLSearchParams(Buffer.concat(chunks).toString('utf8'))) {
    if (Object.hasOwn(fields, name)) return { refused: 'malformed' };
    fields[name] = value;
  }
  if (!regroupsTo(fields)) return { refused: 'malformed' };
  return { fields };
}
