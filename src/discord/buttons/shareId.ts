import { idFamily } from '../idFamily.js';
import { answerPageFields } from './answerPageArgs.js';

/** Share: the page that was shown (its first citation at `offset`) goes public. */
export const shareId = idFamily('share', 1, answerPageFields);
