import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type PageHandler = (req: IncomingMessage, res: ServerResponse) => void;

export interface PageServer {
  origin: string;
  url(path: string): string;
  /** Requests received, by path, in order. */
  hits: string[];
  close(): Promise<void>;
}

/** A local web server on 127.0.0.1 serving the given routes (404 elsewhere); close() drops every connection. */
export async function startPageServer(routes: Record<string, PageHandler>): Promise<PageServer> {
  const hits: string[] = [];
  const server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    hits.push(path);
    const handler = routes[path];
    if (handler) handler(req, res);
    else {
      res.writeHead(404, { 'content-type': 'text/html' });
      res.end('<html><body>not here</body></html>');
    }
  });
  server.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: (path) => `${origin}${path}`,
    hits,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Sends `body` with the given content type (and whatever else `headers` adds). */
export function page(
  body: string | Buffer,
  contentType = 'text/html; charset=utf-8',
  headers = {},
): PageHandler {
  return (_req, res) => {
    res.writeHead(200, { 'content-type': contentType, ...headers });
    res.end(body);
  };
}

export function redirect(location: string, status = 302): PageHandler {
  return (_req, res) => {
    res.writeHead(status, { location });
    res.end();
  };
}

/** Bytes of `text` in windows-1251, built from the decoder's own table. */
export function encodeSingleByte(text: string, charset: string): Buffer {
  const decoder = new TextDecoder(charset);
  const table = new Map<string, number>();
  for (let byte = 0; byte < 256; byte++) table.set(decoder.decode(Uint8Array.of(byte)), byte);
  return Buffer.from(
    Array.from(text, (ch) => {
      const byte = table.get(ch);
      if (byte === undefined) throw new Error(`${ch} has no byte in ${charset}`);
      return byte;
    }),
  );
}
