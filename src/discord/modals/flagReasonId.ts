import { passageFlagFields } from '../buttons/passageFlagArgs.js';
import { idFamily } from '../idFamily.js';

/** The reason form a Flag button opens; it carries the same question key and passage. */
export const flagReasonId = idFamily('flag-reason', 1, passageFlagFields);
