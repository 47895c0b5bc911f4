import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';

const ROOT = join(import.meta.dirname, '..', '..');
const read = (file: string) => readFile(join(ROOT, file), 'utf8');

/** The Dockerfile's instructions, continuation lines joined, comments dropped. */
async function instructions(): Promise<string[]> {
  const text = (await read('Dockerfile')).replace(/\\\n\s*/g, ' ');
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

test('the image runs the README production install, step for step, and nothing else', async () => {
  const readme = await read('README.md');
  const install =
    /`(npm ci && npm run build && npm prune --omit=dev)`; there `(node --enable-source-maps --max-old-space-size=3072 dist\/src\/bot\/main\.js)`/.exec(
      readme,
    );
  assert.ok(install, 'the README states the production install');
  const lines = await instructions();
  const npm = lines.filter((l) => l.startsWith('RUN npm')).map((l) => l.replace(/^RUN /, ''));
  assert.deepEqual(
    npm.map((l) => l.replace(/ --no-audit --no-fund$/, '')),
    ['npm ci', 'npm run build && npm prune --omit=dev'],
  );
  assert.equal(`${npm[0]?.split(' ').slice(0, 2).join(' ')} && ${npm[1]}`, install[1]);
  const cmd = lines.find((l) => l.startsWith('CMD '));
  assert.equal(cmd, `CMD ${JSON.stringify(install[2]?.split(' '))}`.replace(/","/g, '", "'));
  assert.match(readme, /\*\*CI does not build the\s+image\*\*/);
  // As on a machine: better-sqlite3 is compiled, nothing fetched from outside the npm registry.
  const copiedRc = lines.findIndex((l) => l.startsWith('COPY ') && l.includes('.prebuild-installrc'));
  assert.ok(copiedRc !== -1 && copiedRc < lines.indexOf('RUN npm ci --no-audit --no-fund'));
});

test('two stages on node:20-bookworm-slim, compilers only in the first, a non-root user, a health check', async () => {
  const lines = await instructions();
  const stages = lines.filter((l) => l.startsWith('FROM '));
  assert.deepEqual(stages, ['FROM node:20-bookworm-slim AS build', 'FROM node:20-bookworm-slim']);
  const runStage = lines.slice(lines.indexOf(stages[1] as string));
  const buildStage = lines.slice(0, lines.indexOf(stages[1] as string));
  assert.ok(
    buildStage.some((l) => /apt-get install .*g\+\+/.test(l)),
    'the build stage has the compilers',
  );
  assert.ok(!runStage.some((l) => /apt-get|g\+\+/.test(l)), 'the image that runs has none');
  assert.ok(runStage.includes('USER node'));
  assert.ok(runStage.some((l) => l.startsWith('HEALTHCHECK ') && l.includes('/healthz')));
  assert.ok(runStage.some((l) => /HTTP_HOST=0\.0\.0\.0/.test(l)));
});

test('compose: the single bot by default; the replicas profile runs two HTTP replicas on PostgreSQL and shared volumes', async () => {
  const compose = await read('compose.yaml');
  const service = (name: string) => {
    const match = new RegExp(`^  ${name}:.*\\n((?:    .*\\n|\\s*\\n)*)`, 'm').exec(compose);
    assert.ok(match, `service ${name}`);
    return match[1] as string;
  };
  const bot = service('bot');
  assert.doesNotMatch(bot, /profiles:/, 'the single bot runs by default');
  assert.match(bot, /INTERACTIONS_MODE: gateway/);
  assert.doesNotMatch(bot, /DATABASE_URL/);
  assert.match(service('postgres'), /profiles: \[replicas\]/);
  const replica = service('replica-a');
  assert.match(replica, /profiles: \[replicas\]/);
  assert.match(replica, /INTERACTIONS_MODE: http/);
  assert.match(replica, /DATABASE_URL: postgres:\/\//);
  assert.match(replica, /- shared-knowledge:\/app\/knowledge/);
  assert.match(replica, /- shared-data:\/data/);
  assert.match(service('replica-b'), /<<: \*replica/, 'the second replica is the first one on other ports');
});
