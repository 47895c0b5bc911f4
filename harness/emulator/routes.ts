import type { RouteHandler } from './route-context.js';
import { Router } from './router.js';
import * as channels from './routes-channels.js';
import * as commands from './routes-commands.js';
import * as core from './routes-core.js';
import { interactionCallback } from './routes-interactions.js';
import * as webhooks from './routes-webhooks.js';

/** Route templates (below `/api/v10`) the emulator implements, by name. */
export const EmulatorRoutes = {
  gatewayBot: '/gateway/bot',
  gateway: '/gateway',
  currentUser: '/users/@me',
  userChannels: '/users/@me/channels',
  currentApplication: '/applications/@me',
  interactionCallback: '/interactions/:interactionId/:token/callback',
  webhookExecute: '/webhooks/:applicationId/:token',
  webhookMessage: '/webhooks/:applicationId/:token/messages/:messageId',
  channel: '/channels/:channelId',
  channelMessages: '/channels/:channelId/messages',
  channelMessage: '/channels/:channelId/messages/:messageId',
  messageThreads: '/channels/:channelId/messages/:messageId/threads',
  channelThreads: '/channels/:channelId/threads',
  typing: '/channels/:channelId/typing',
  threadMemberMe: '/channels/:channelId/thread-members/@me',
  globalCommands: '/applications/:applicationId/commands',
  guildCommands: '/applications/:applicationId/guilds/:guildId/commands',
} as const;

const R = EmulatorRoutes;
const NO_AUTH = false;

/** The REST router; route names are recorded on each request (`request.name`). */
export function buildRouter(): Router<RouteHandler> {
  return new Router<RouteHandler>()
    .add('GET', R.gatewayBot, 'gatewayBot', core.gatewayBot)
    .add('GET', R.gateway, 'gateway', core.gateway, NO_AUTH)
    .add('GET', R.currentUser, 'currentUser', core.currentUser)
    .add('POST', R.userChannels, 'createDm', channels.createDm)
    .add('GET', R.currentApplication, 'currentApplication', core.currentApplication)
    .add('POST', R.interactionCallback, 'interactionCallback', interactionCallback, NO_AUTH)
    .add('POST', R.webhookExecute, 'followUp', webhooks.createFollowUp, NO_AUTH)
    .add('GET', R.webhookMessage, 'getWebhookMessage', webhooks.getWebhookMessage, NO_AUTH)
    .add('PATCH', R.webhookMessage, 'editWebhookMessage', webhooks.editWebhookMessage, NO_AUTH)
    .add('DELETE', R.webhookMessage, 'deleteWebhookMessage', webhooks.deleteWebhookMessage, NO_AUTH)
    .add('GET', R.channel, 'getChannel', channels.getChannel)
    .add('GET', R.channelMessages, 'listMessages', channels.listMessages)
    .add('POST', R.channelMessages, 'createMessage', channels.createMessage)
    .add('GET', R.channelMessage, 'getMessage', channels.getMessage)
    .add('PATCH', R.channelMessage, 'editMessage', channels.editMessage)
    .add('DELETE', R.channelMessage, 'deleteMessage', channels.deleteMessage)
    .add('POST', R.messageThreads, 'startThreadFromMessage', channels.startThreadFromMessage)
    .add('POST', R.channelThreads, 'startThread', channels.startThread)
    .add('POST', R.typing, 'typing', channels.typing)
    .add('PUT', R.threadMemberMe, 'joinThread', channels.joinThread)
    .add('PUT', R.globalCommands, 'overwriteGlobalCommands', commands.overwriteCommands)
    .add('GET', R.globalCommands, 'listGlobalCommands', commands.listCommands)
    .add('POST', R.globalCommands, 'createGlobalCommand', commands.createCommand)
    .add('PUT', R.guildCommands, 'overwriteGuildCommands', commands.overwriteCommands)
    .add('GET', R.guildCommands, 'listGuildCommands', commands.listCommands)
    .add('POST', R.guildCommands, 'createGuildCommand', commands.createCommand);
}
