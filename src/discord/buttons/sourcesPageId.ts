import { idFamily } from '../idFamily.js';
import { pageFields } from './pageArgs.js';

/** Previous / Next on /sources. */
export const sourcesPageId = idFamily('sources-page', 1, pageFields);
