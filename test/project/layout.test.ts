import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { test } from 'node:test';

const ROOT = join(import.meta.dirname, '..', '..');
/** What ships: `tsconfig.build.json` compiles these two folders and nothing else. */
const PRODUCTION = ['src', 'commands'];

/** Module specifiers and asset URLs: `from '…'`, `import '…'`, `import('…')`, `new URL('…', import.meta.url)`. */
const SPECIFIER = /(?:\bfrom|\bimport|\bnew URL)\s*\(?\s*['"]([^'"\n]+)['"]/g;

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** Each relative specifier of the files under `folder`, as the importing file and its target (from the root). */
async function relativeImports(folder: string): Promise<{ file: string; target: string }[]> {
  const found: { file: string; target: string }[] = [];
  for (const file of await sourceFiles(join(ROOT, folder))) {
    const text = await readFile(file, 'utf8');
    for (const [, specifier] of text.matchAll(SPECIFIER)) {
      if (!specifier?.startsWith('.')) continue; // a package (node_modules) or node: builtin
      found.push({ file: relative(ROOT, file), target: relative(ROOT, resolve(dirname(file), specifier)) });
    }
  }
  return found;
}

const within = (target: string, folders: readonly string[]) =>
  folders.some((f) => target === f || target.startsWith(f + sep));

/** Each relative specifier of a production file that leaves the production folders, as `file → target`. */
async function importsLeavingProduction(): Promise<string[]> {
  const outside: string[] = [];
  for (const folder of PRODUCTION)
    for (const { file, target } of await relativeImports(folder))
      if (!within(target, PRODUCTION)) outside.push(`${file} → ${target}`);
  return outside;
}

test('production code (src/, commands/) imports nothing from test/, bench/, harness/ or anywhere else', async () => {
  assert.deepEqual(await importsLeavingProduction(), []);
});

test('the import scan sees static, dynamic and asset imports', () => {
  const sample = [
    "import { a } from '../../harness/x.js';",
    "export { b } from './b.js';",
    "const c = await import('../c.js');",
    "const d = new URL('./words.bin', import.meta.url);",
    "import 'node:fs';",
  ].join('\n');
  assert.deepEqual(
    [...sample.matchAll(SPECIFIER)].map((m) => m[1]),
    ['../../harness/x.js', './b.js', '../c.js', './words.bin', 'node:fs'],
  );
});

test('only the passage index imports minisearch', async () => {
  const importers = new Set<string>();
  for (const folder of PRODUCTION)
    for (const file of await sourceFiles(join(ROOT, folder))) {
      const text = await readFile(file, 'utf8');
      for (const [, specifier] of text.matchAll(SPECIFIER))
        if (specifier === 'minisearch' || specifier?.startsWith('minisearch/'))
          importers.add(relative(ROOT, file));
    }
  assert.deepEqual(
    [...importers],
    [join('src', 'search', 'passageIndex.ts')],
    'go through PassageIndex, whose canary tests pin the minisearch internals it relies on',
  );
});

test('renderers import no button or modal handler: the ids they build come from customIds.ts', async () => {
  const handlers = [join('src', 'discord', 'buttons'), join('src', 'discord', 'modals')];
  const found: string[] = [];
  for (const { file, target } of await relativeImports(join('src', 'discord', 'render')))
    if (within(target, handlers)) found.push(`${file} → ${target}`);
  assert.deepEqual(found, []);
});

/**
 * The layers of ARCHITECTURE.md, top first: a folder imports only from its own layer or the ones below,
 * so a lower layer never depends on what is built on it.
 */
const LAYERS: readonly (readonly string[])[] = [
  ['src/bot', 'src/cli'],
  ['commands'],
  ['src/discord'],
  ['src/feeds'],
  ['src/intake', 'src/gaps', 'src/feedback', 'src/eval'],
  ['src/engine'],
  ['src/indexStore', 'src/ingest', 'src/state'],
  ['src/search'],
  ['src/knowledge'],
  ['src/text'],
  ['src/config', 'src/log', 'src/util', 'src/http', 'src/ops', 'src/types.ts'],
].map((layer) => layer.map((folder) => join(...folder.split('/'))));

const layerOf = (path: string) => LAYERS.findIndex((layer) => within(path.replace(/\.js$/, '.ts'), layer));

test('every production folder has a layer, and no layer imports one above it', async () => {
  const upward: string[] = [];
  for (const folder of PRODUCTION)
    for (const { file, target } of await relativeImports(folder)) {
      assert.notEqual(layerOf(file), -1, `${file} is in no layer of LAYERS`);
      if (layerOf(target) < layerOf(file)) upward.push(`${file} → ${target}`);
    }
  assert.deepEqual(upward, []);
});
