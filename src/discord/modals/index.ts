import type { ModalHandler } from '../command.js';
import { flagReason } from './flagReason.js';

export const modalHandlers: ReadonlyMap<string, ModalHandler> = new Map(
  [flagReason].map((h) => [h.family, h]),
);
