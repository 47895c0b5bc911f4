/**
 * Discord's limits. Discord counts code points; we compare `string.length` (UTF-16 units), which is never
 * smaller, so whatever fits by `.length` fits for Discord.
 */
export const LIMITS = {
  content: 2000,

  embedTitle: 256,
  embedDescription: 4096,
  fieldName: 256,
  fieldValue: 1024,
  fields: 25,
  footerText: 2048,
  authorName: 256,
  /** Title, description, field names and values, footer text and author name of all embeds of a message. */
  embedsTotal: 6000,
  embeds: 10,

  choices: 25,
  choiceName: 100,
  choiceValue: 100,

  actionRows: 5,
  /** Buttons per row; a select menu takes a whole row. */
  rowComponents: 5,
  customId: 100,
  buttonLabel: 80,

  threadName: 100,
  modalTitle: 45,
} as const;
