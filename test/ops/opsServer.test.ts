import assert from 'node:assert/strict';
import { test } from 'node:test';
import { silentLog } from '../../src/log/log.js';
import { PromMetrics } from '../../src/ops/metrics.js';
import { startOpsServer } from '../../src/ops/opsServer.js';

async function ops(
  t: { after(fn: () => Promise<void>): void },
  checks: Parameters<typeof startOpsServer>[0]['checks'],
) {
  const metrics = new PromMetrics(() => ({ documents: 5, passages: 42 }));
  const running = await startOpsServer({
    host: '127.0.0.1',
    port: 0,
    registry: metrics.registry,
    checks,
    logger: silentLog,
  });
  t.after(() => running.close());
  const get = async (path: string) => {
    const res = await fetch(`http://127.0.0.1:${running.port}${path}`);
    return { status: res.status, text: await res.text(), type: res.headers.get('content-type') };
  };
  return { running, metrics, get };
}

test('/healthz answers while the process runs; /readyz is 200 only when every check passes, 503 with the reason', async (t) => {
  let database: true | string = true;
  const { running, get } = await ops(t, { index: async () => true, database: async () => database });
  assert.deepEqual(await get('/healthz').then((r) => [r.status, r.text]), [200, 'ok\n']);
  const ready = await get('/readyz');
  assert.equal(ready.status, 200);
  assert.deepEqual(JSON.parse(ready.text), {
    ready: true,
    draining: false,
    checks: { index: 'ok', database: 'ok' },
  });
  database = 'connect ECONNREFUSED';
  const down = await get('/readyz');
  assert.equal(down.status, 503);
  assert.equal(JSON.parse(down.text).checks.database, 'connect ECONNREFUSED');
  database = true;
  running.drain();
  const draining = await get('/readyz');
  assert.deepEqual([draining.status, JSON.parse(draining.text).draining], [503, true]);
  assert.equal((await get('/healthz')).status, 200, 'still alive while draining');
  assert.equal((await get('/nothing')).status, 404);
});

test('a check that throws or hangs fails readiness instead of hanging the probe', async (t) => {
  const { get } = await ops(t, {
    thrown: async () => {
      throw new Error('boom');
    },
    hung: () => new Promise(() => {}),
  });
  const res = await get('/readyz');
  assert.equal(res.status, 503);
  assert.deepEqual(JSON.parse(res.text).checks, { thrown: 'boom', hung: 'no answer in 2000 ms' });
});

test('/metrics: Prometheus text with process metrics, interactions by kind, command and outcome, answers, the index', async (t) => {
  const { metrics, get } = await ops(t, {});
  metrics.interaction({ kind: 'command', command: 'ask', outcome: 'answered', seconds: 0.12 });
  metrics.interaction({ kind: 'command', command: 'ask', outcome: 'not_found', seconds: 0.05 });
  metrics.interaction({ kind: 'autocomplete', command: 'ask', outcome: 'listed', seconds: 0.01 });
  metrics.reindexed(1.5);
  metrics.feedRound({ notModified: 2, changed: 1, baseline: 0, failed: 1 });
  metrics.stateError();
  const { status, text, type } = await get('/metrics');
  assert.equal(status, 200);
  assert.match(type ?? '', /^text\/plain; version=0\.0\.4/);
  for (const line of [
    'crisis_desk_interactions_total{kind="command",command="ask",outcome="answered"} 1',
    'crisis_desk_interactions_total{kind="autocomplete",command="ask",outcome="listed"} 1',
    'crisis_desk_answers_total{result="answered"} 1',
    'crisis_desk_answers_total{result="not_found"} 1',
    'crisis_desk_interaction_duration_seconds_count{kind="command"} 2',
    'crisis_desk_index_documents 5',
    'crisis_desk_index_passages 42',
    'crisis_desk_reindex_duration_seconds_count 1',
    'crisis_desk_feed_polls_total{outcome="not_modified"} 2',
    'crisis_desk_feed_polls_total{outcome="failed"} 1',
    'crisis_desk_state_errors_total 1',
  ])
    assert.ok(text.includes(line), line);
  assert.match(text, /^process_cpu_user_seconds_total \d/m);
  assert.match(text, /^nodejs_eventloop_lag_seconds /m);
});
