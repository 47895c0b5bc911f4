import { idFamily } from '../idFamily.js';
import { passageFlagFields } from './passageFlagArgs.js';

/** Flag n: opens the reason form for that passage. */
export const flagId = idFamily('flag', 1, passageFlagFields);
