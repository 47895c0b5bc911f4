import { idFamily } from '../idFamily.js';
import { pageFields } from './pageArgs.js';

/** Previous / Next on /knowledge list. */
export const knowledgePageId = idFamily('knowledge-page', 1, pageFields);
