import type { Command } from '../src/discord/command.js';
import { ask } from './ask.js';
import { feeds } from './feeds.js';
import { findSources } from './findSources.js';
import { forgetMe } from './forgetMe.js';
import { help } from './help.js';
import { knowledge } from './knowledge.js';
import { passage } from './passage.js';
import { reindex } from './reindex.js';
import { search } from './search.js';
import { sources } from './sources.js';
import { timeline } from './timeline.js';

/** Every command the bot registers and serves. */
export const commands: Command[] = [
  ask,
  search,
  timeline,
  sources,
  passage,
  findSources,
  reindex,
  knowledge,
  feeds,
  help,
  forgetMe,
];
