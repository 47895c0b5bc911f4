import { idFamily } from '../idFamily.js';
import { pageFields } from './pageArgs.js';

/** Previous / Next on /knowledge gaps. */
export const gapsPageId = idFamily('gaps-page', 1, pageFields);
