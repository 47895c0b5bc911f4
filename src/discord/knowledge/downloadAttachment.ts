/** Fetches an attachment's bytes, giving up as soon as they pass the cap. */

export class DownloadError extends Error {
  override name = 'DownloadError';
}

export function overCapReason(size: number, maxBytes: number): string {
  return `the file is ${size} bytes, over the ${maxBytes}-byte limit for uploads`;
}

export async function downloadAttachment(url: string, maxBytes: number, timeoutMs = 15_000): Promise<Buffer> {
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    throw new DownloadError(`the attachment could not be downloaded (${(error as Error).message})`);
  }
  if (!response.ok || !response.body)
    throw new DownloadError(`the attachment could not be downloaded (HTTP ${response.status})`);
  const declared = Number(response.headers.get('content-length'));
  if (declared > maxBytes) {
    await response.body.cancel();
    throw new DownloadError(overCapReason(declared, maxBytes));
  }
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of response.body) {
    total += chunk.byteLength;
    // Leaving the loop cancels the stream: nothing past the cap is read.
    if (total > maxBytes) break;
    chunks.push(Buffer.from(chunk));
  }
  if (total > maxBytes) throw new DownloadError(`the file is over the ${maxBytes}-byte limit for uploads`);
  return Buffer.concat(chunks);
}
