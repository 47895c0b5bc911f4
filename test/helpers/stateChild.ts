/**
 * A second process on the same state database, for the tests: `write <db> <n>` records n feedback
 * records one by one; `decide <db> <name> <status> <ids…>` decides review items as moderator
 * <name> once the parent writes "go". Prints "ready" once the database is open, then one JSON line.
 */
import { createInterface } from 'node:readline';
import { SqliteState } from '../../src/state/sqlite/sqliteState.js';

const [mode, path, ...rest] = process.argv.slice(2);
if (path === undefined) throw new Error('usage: stateChild write|decide <db> …');
const state = SqliteState.open({ path });
process.stdout.write('ready\n');

async function write(n: number): Promise<unknown> {
  for (let i = 0; i < n; i++)
    await state.feedback.append({
      time: new Date(Date.UTC(2024, 4, 1, 0, 0, 0, i)).toISOString(),
      kind: 'not_found',
      query: `question ${i}`,
      key: null,
      passageIds: [],
      member: 'child',
    });
  return { written: n };
}

async function decide(name: string, status: 'approved' | 'rejected', ids: number[]): Promise<unknown> {
  const lines = createInterface({ input: process.stdin });
  for await (const line of lines) if (line === 'go') break;
  const won: number[] = [];
  const lost: { id: number; by: string | null }[] = [];
  for (const id of ids) {
    const result = await state.reviews.decide(id, { status, by: name });
    if (result.won) won.push(id);
    else lost.push({ id, by: result.item?.decidedBy ?? null });
  }
  return { won, lost };
}

const out =
  mode === 'write'
    ? await write(Number(rest[0]))
    : await decide(rest[0] as string, rest[1] as 'approved' | 'rejected', rest.slice(2).map(Number));
await state.close();
process.stdout.write(`${JSON.stringify(out)}\n`);
