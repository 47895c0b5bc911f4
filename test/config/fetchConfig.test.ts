import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError } from '../../src/config/errors.js';
import { readFetchConfig } from '../../src/config/fetchConfig.js';

test('private networks are closed to fetches unless FETCH_ALLOW_PRIVATE says true', () => {
  assert.equal(readFetchConfig({}).allowPrivate, false);
  assert.equal(readFetchConfig({ FETCH_ALLOW_PRIVATE: 'false' }).allowPrivate, false);
  assert.equal(readFetchConfig({ FETCH_ALLOW_PRIVATE: 'true' }).allowPrivate, true);
  assert.throws(
    () => readFetchConfig({ FETCH_ALLOW_PRIVATE: 'maybe' }),
    (error) =>
      error instanceof ConfigError && /FETCH_ALLOW_PRIVATE must be true or false/.test(error.message),
  );
});
