import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isSkipped, loadDocument } from '../../src/knowledge/loadDocument.js';
import { outletWithClaim } from '../../src/knowledge/outletClaim.js';

const BODY =
  'The tram depot in Grodno halted every route on Monday morning, a spokesman for the city said, and talks with the drivers would resume later in the week.';

test('outlet_claim in front matter is the document’s outlet claim; without one there is none', () => {
  const claimed = loadDocument(
    'a.md',
    Buffer.from(`---\ntitle: "T"\noutlet: "evil.example"\noutlet_claim: "Reuters"\n---\n${BODY}\n`),
  );
  assert.ok(!isSkipped(claimed));
  assert.equal(claimed.meta.outlet, 'evil.example');
  assert.equal(claimed.meta.outletClaim, 'Reuters');
  assert.equal(claimed.meta.inferred.includes('outlet'), false);
  for (const front of ['---\ntitle: "T"\noutlet_claim: ""\n---\n', '---\ntitle: "T"\n---\n', '']) {
    const plain = loadDocument('b.md', Buffer.from(`${front}${BODY}\n`));
    assert.ok(!isSkipped(plain));
    assert.equal('outletClaim' in plain.meta, false, front);
  }
});

test('a claim is shown after the outlet, as a claim', () => {
  assert.equal(outletWithClaim('evil.example', 'Reuters'), 'evil.example (claims to be Reuters)');
  assert.equal(outletWithClaim('Reuters', null), 'Reuters');
  assert.equal(outletWithClaim('Reuters', undefined), 'Reuters');
});
