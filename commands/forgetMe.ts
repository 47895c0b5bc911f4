import { ApplicationCommandType, InteractionContextType } from 'discord.js';
import type { ChatCommand } from '../src/discord/command.js';
import { forgetMeMessage } from '../src/discord/render/forgetMeMessage.js';
import { respond } from '../src/discord/send/respond.js';
import { hashId } from '../src/log/hashId.js';

export const forgetMe: ChatCommand = {
  kind: 'chat',
  data: {
    type: ApplicationCommandType.ChatInput,
    name: 'forget-me',
    description: 'Remove every question of yours I keep, your "tell me" requests, votes and flags.',
    contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
  },
  async execute(interaction, ctx) {
    const member = hashId(interaction.user.id);
    const gaps = await ctx.state.gaps.forgetMember({ member, memberId: interaction.user.id });
    const feedback = await ctx.state.feedback.forgetMember(member);
    const suggestions = await ctx.queries.forgetMember(member);
    ctx.logger.info({ member, ...gaps, feedback, suggestions }, 'member forgotten');
    await respond(interaction, forgetMeMessage({ ...gaps, feedback }));
    return { outcome: 'done', results: gaps.questions + gaps.subscriptions + feedback };
  },
};
