import type { IncomingMessage } from 'node:http';
import type { RecordedFile } from './types.js';

/** A parsed request body. */
export interface ParsedBody {
  body: unknown;
  files: RecordedFile[];
  formFields: Record<string, string>;
}

/** Reads the whole request body. */
export async function readRaw(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Parses JSON (unparseable text stays a string) or multipart/form-data (`payload_json` becomes the body). */
export async function parseBody(raw: Buffer, contentType: string | undefined): Promise<ParsedBody> {
  const empty: ParsedBody = { body: undefined, files: [], formFields: {} };
  if (raw.length === 0) return empty;
  if (!contentType?.startsWith('multipart/form-data'))
    return { ...empty, body: parseJson(raw.toString('utf8')) };
  const form = await new Request('http://emulator.local/', {
    method: 'POST',
    body: raw,
    headers: { 'content-type': contentType },
  }).formData();
  const parsed: ParsedBody = { ...empty };
  for (const [field, value] of form) {
    if (typeof value === 'string') {
      if (field === 'payload_json') parsed.body = parseJson(value);
      else parsed.formFields[field] = value;
      continue;
    }
    const bytes = Buffer.from(await value.arrayBuffer());
    parsed.files.push({
      field,
      filename: value.name,
      contentType: value.type || 'application/octet-stream',
      size: bytes.length,
      bytes,
    });
  }
  return parsed;
}
