import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { tempWorkspace } from '../../harness/tempKnowledge.js';
import { Engine } from '../../src/engine/engine.js';
import { parseQuestions } from '../../src/eval/question.js';
import { readPointer } from '../../src/indexStore/indexPointer.js';

type Workspace = Awaited<ReturnType<typeof tempWorkspace>>;

/** The public eval questions, as the project ships them. */
export async function publicQuestions(): Promise<string[]> {
  const source = await readFile(join(import.meta.dirname, '..', '..', 'eval', 'questions.jsonl'), 'utf8');
  return parseQuestions(source).map((q) => q.q);
}

/**
 * A scratch copy of the bundled knowledge and a data folder for a whole test file, with the engine
 * opened on them and the paths tests poke at.
 */
export function useEngineWorkspace() {
  let ws: Workspace | undefined;
  before(async () => {
    ws = await tempWorkspace();
  });
  after(() => ws?.cleanup());
  const current = (): Workspace => {
    assert.ok(ws, 'the workspace is made before the tests run');
    return ws;
  };
  return {
    get ws(): Workspace {
      return current();
    },
    open: (options: { syncOnOpen?: boolean } = {}) =>
      Engine.open({ knowledgeDir: current().knowledgeDir, dataDir: current().dataDir, ...options }),
    /** The folder of the generation DATA_DIR/current points at. */
    async currentGeneration(): Promise<string> {
      const pointer = await readPointer(current().dataDir);
      assert.ok(pointer);
      return join(current().dataDir, 'generations', pointer.generation);
    },
    /** The path of the first knowledge document, by name. */
    async firstDocument(): Promise<string> {
      const [file] = (await readdir(current().knowledgeDir)).filter((f) => f.endsWith('.md')).sort();
      assert.ok(file);
      return join(current().knowledgeDir, file);
    },
  };
}
