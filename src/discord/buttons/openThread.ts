import { MessageFlags } from 'discord-api-types/v10';
import { MAX_LIMIT } from '../../search/answerQuery.js';
import { openThreadId } from '../customIds.js';
import { UserError } from '../errors.js';
import { familyButton } from '../idFamily.js';
import { CITATIONS_PER_PAGE } from '../render/answerMessage.js';
import { respond } from '../send/respond.js';
import { storedQuery } from '../sessions/queryStore.js';
import { isPrivateMessage, postCitations, threadForMessage } from '../threads.js';

const PRIVATE_ANSWER = 'This answer is private. Share it first: the shared answer offers Open thread.';

/** Open thread: a thread on the answer, with each citation posted in full as its own message. */
export const openThread = familyButton(openThreadId, async (interaction, { key, offset }, ctx) => {
  const { query, mode, shownPublicly } = await storedQuery(ctx.queries, key);
  if (!interaction.inGuild())
    throw new UserError('Threads can only be opened in a server channel.', 'refused');
  // Checked here, not only by leaving the button off: a forged id must not make a private question public.
  if (isPrivateMessage(interaction.message) || !shownPublicly) throw new UserError(PRIVATE_ANSWER, 'refused');
  // The citations shown on the message: a More sources page carries where its page starts.
  const start = offset;
  const answer = ctx.knowledge.ask(query, { limit: Math.min(start + CITATIONS_PER_PAGE, MAX_LIMIT), mode });
  const citations = answer.citations.slice(start, start + CITATIONS_PER_PAGE);
  if (!answer.answered || citations.length === 0)
    throw new UserError('The knowledge no longer answers this question. Please ask again.', 'expired');
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const thread = await threadForMessage(interaction.message, query, interaction.appPermissions);
  await postCitations(thread, citations, interaction.appPermissions);
  await respond(interaction, {
    content: `Posted ${citations.length} citation(s) in <#${thread.id}>.`,
    ephemeral: true,
  });
  return { outcome: 'answered', results: citations.length };
});
