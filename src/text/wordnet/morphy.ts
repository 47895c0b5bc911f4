/**
 * WordNet's own detachment rules (its "morphy"): the base forms an inflected word may have, per part of
 * speech. Irregular forms come from the project's table; WordNet's exception lists are not shipped.
 */

import { IRREGULAR_FORMS } from '../irregularForms.js';

export type PartOfSpeech = 'noun' | 'verb' | 'adj' | 'adv';

const RULES: Record<PartOfSpeech, ReadonlyArray<[string, string]>> = {
  noun: [
    ['s', ''],
    ['ses', 's'],
    ['xes', 'x'],
    ['zes', 'z'],
    ['ches', 'ch'],
    ['shes', 'sh'],
    ['men', 'man'],
    ['ies', 'y'],
  ],
  verb: [
    ['s', ''],
    ['ies', 'y'],
    ['es', 'e'],
    ['es', ''],
    ['ed', 'e'],
    ['ed', ''],
    ['ing', 'e'],
    ['ing', ''],
  ],
  adj: [
    ['er', ''],
    ['est', ''],
    ['er', 'e'],
    ['est', 'e'],
  ],
  adv: [],
};

/** Candidate base forms of a lower-case word, the word itself first; WordNet decides which exist. */
export function baseForms(word: string, pos: PartOfSpeech): string[] {
  const forms = [word];
  const irregular = IRREGULAR_FORMS.get(word);
  if (irregular && pos === 'verb') forms.push(irregular);
  for (const [suffix, ending] of RULES[pos]) {
    if (word.length > suffix.length + 1 && word.endsWith(suffix))
      forms.push(word.slice(0, -suffix.length) + ending);
  }
  // Doubled consonant before -ed/-ing: "stopped" → "stop".
  const doubled = /([b-df-hj-np-tv-z])\1(?:ed|ing)$/.exec(word);
  if (doubled && pos === 'verb') forms.push(word.slice(0, doubled.index + 1));
  return [...new Set(forms)];
}
