import { idFamily } from '../idFamily.js';
import { answerPageFields } from './answerPageArgs.js';

/** Open thread (or Post citations here): the citations of the page shown, from `offset`. */
export const openThreadId = idFamily('thread', 1, answerPageFields);
