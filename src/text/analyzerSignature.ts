import { createHash } from 'node:crypto';
import { analyze } from './analyze.js';
import { IRREGULAR_FORMS } from './irregularForms.js';
import { STOP_WORDS } from './stopWords.js';

/** Bump for a change the probe below would not show. */
const ANALYZER_REVISION = 1;

const PROBE = `The U.S. Deputy Secretary Biegun's talks: Lukashenka won 80.1% of 150,000 votes; protesters were
detained, officials officially evacuated, Lithuanian obligations and governments. Nausėda, Tsikhanouskaya,
Alyaksandr — “quoted” words, running stopped children crises militarily statement elections.`;

/**
 * Identifies how text is analyzed: an index saved under another signature holds other terms
 * and is rebuilt. Derived from the analyzer's own output, so a change cannot be forgotten.
 */
export const ANALYZER_SIGNATURE = createHash('sha256')
  .update(
    JSON.stringify([
      ANALYZER_REVISION,
      [...STOP_WORDS],
      [...IRREGULAR_FORMS],
      analyze(PROBE).map((t) => [t.term, t.key, t.start, t.end]),
    ]),
  )
  .digest('hex')
  .slice(0, 16);
