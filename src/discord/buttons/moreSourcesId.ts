import { idFamily } from '../idFamily.js';
import { answerPageFields } from './answerPageArgs.js';

/** More sources: the page of citations starting at `offset`. */
export const moreSourcesId = idFamily('more', 1, answerPageFields);
