/**
 * Reads the word vectors and WordNet's sense index ahead of the first question (about 50 ms of work, the
 * reads off the event loop), so that the first member to ask does not wait for them.
 */

import { preloadWordSimilarity } from './vectors/wordSimilarity.js';
import { preloadWordNet } from './wordnet/wordnet.js';

export async function warmUpLexicons(): Promise<void> {
  await Promise.all([preloadWordSimilarity(), preloadWordNet()]);
}
