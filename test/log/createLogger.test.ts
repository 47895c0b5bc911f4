import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createLogger } from '../../src/log/createLogger.js';

/** A pino destination that keeps each JSON line. */
function collect() {
  const lines: Record<string, unknown>[] = [];
  return { lines, destination: { write: (s: string) => void lines.push(JSON.parse(s)) } };
}

const notInstalled = () => {
  throw Object.assign(new Error("Cannot find module 'pino-pretty'"), { code: 'MODULE_NOT_FOUND' });
};

test('pretty logs asked for where pino-pretty is not installed: JSON lines, after one warning saying why', () => {
  const { lines, destination } = collect();
  const logger = createLogger({ level: 'info', pretty: true, destination, resolvePretty: notInstalled });
  logger.info({ passages: 3 }, 'ready');
  assert.equal(lines.length, 2);
  assert.equal(lines[0]?.level, 40);
  assert.match(String(lines[0]?.msg), /pino-pretty is not installed.*JSON/);
  assert.equal(lines.filter((l) => /pino-pretty/.test(String(l.msg))).length, 1);
  assert.deepEqual([lines[1]?.msg, lines[1]?.passages], ['ready', 3]);
});

test('plain logs never look for pino-pretty', () => {
  const { lines, destination } = collect();
  const logger = createLogger({ level: 'info', destination, resolvePretty: notInstalled });
  logger.info('ready');
  assert.deepEqual(
    lines.map((l) => l.msg),
    ['ready'],
  );
});
