import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { test } from 'node:test';
import { applicationKeys, postSigned } from '../../harness/emulator/index.js';
import { startInteractionEndpoint } from '../../src/http/interactionEndpoint.js';
import { discordPublicKey } from '../../src/http/verifyRequest.js';
import { silentLog } from '../../src/log/log.js';

async function endpoint(
  t: { after(fn: () => Promise<void>): void },
  handle = async () => ({ type: 4, data: { content: 'hi' } }),
) {
  const keys = applicationKeys();
  const running = await startInteractionEndpoint({
    host: '127.0.0.1',
    port: 0,
    publicKey: discordPublicKey(keys.publicKeyHex),
    logger: silentLog,
    handle,
    requestTimeoutMs: 300,
  });
  t.after(() => running.close());
  return {
    running,
    target: { url: `http://127.0.0.1:${running.port}/interactions`, privateKey: keys.privateKey },
  };
}

test('an interaction is answered with what the handler gives; other paths and methods are not served', async (t) => {
  const { running, target } = await endpoint(t);
  const answer = await postSigned(target, JSON.stringify({ id: '5', type: 2, token: 'x' }));
  assert.deepEqual([answer.status, answer.body], [200, { type: 4, data: { content: 'hi' } }]);
  assert.equal(
    (await postSigned({ ...target, url: target.url.replace('/interactions', '/other') }, '{}')).status,
    404,
  );
  const get = await fetch(target.url);
  assert.deepEqual([get.status, get.headers.get('allow')], [405, 'POST']);
  assert.equal(running.inFlight, 0);
});

test('a handler that fails gets a 500, not a hung request', async (t) => {
  const { target } = await endpoint(t, async () => {
    throw new Error('boom');
  });
  assert.equal((await postSigned(target, JSON.stringify({ id: '5', type: 2 }))).status, 500);
});

test('a request whose body never finishes is dropped after the timeout, holding nothing', async (t) => {
  const { running } = await endpoint(t);
  const socket = connect(running.port, '127.0.0.1');
  const closed = new Promise<string>((resolve) => {
    let text = '';
    socket.on('data', (chunk) => {
      text += chunk.toString();
    });
    socket.on('close', () => resolve(text));
  });
  socket.write('POST /interactions HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{"type":');
  const response = await closed;
  assert.match(response, /^HTTP\/1\.1 408/, 'Node answers 408 Request Timeout and closes');
  assert.equal(running.inFlight, 0);
});
