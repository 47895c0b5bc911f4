import type { ChatInputCommandInteraction } from 'discord.js';
import { FrontMatterError } from '../../knowledge/frontMatter.js';
import { documentId, isSkipped } from '../../knowledge/loadDocument.js';
import { loadDocumentOffThread } from '../../knowledge/loadDocumentOffThread.js';
import { placeUpload } from '../../knowledge/placeUpload.js';
import { contentSuffix, safeFileName, uploadExtension } from '../../knowledge/safeFileName.js';
import { uploadOptionsProblem, withFrontMatter } from '../../knowledge/uploadMeta.js';
import type { UploadDecision } from '../../knowledge/uploadTarget.js';
import { FileExistsError } from '../../knowledge/writeAtomic.js';
import { crashPoint } from '../../util/crashPoint.js';
import { auditModeratorAction } from '../auditModeratorAction.js';
import type { BotContext } from '../botContext.js';
import type { Outcome } from '../command.js';
import { addedMessage, knowledgeAudit } from '../render/knowledgeMessage.js';
import { escapeForDiscord, inlineCode } from '../send/escape.js';
import { respond } from '../send/respond.js';
import { UserError } from '../userError.js';
import { refuseArticle as refuse } from './articleRefusal.js';
import { DownloadError, downloadAttachment, overCapReason } from './downloadAttachment.js';
import { previewArticle } from './previewArticle.js';
import { reindexAfterChange } from './reindexAfterChange.js';
import { uploadRefusal } from './uploadRefusal.js';

export const ADD_USAGE =
  'Give `/knowledge add` a `file:` (a .md or .txt document) or a `url:` (a news article to fetch and preview).';

/**
 * /knowledge add: an uploaded .md/.txt checked like validate-knowledge, written under our own name (never
 * taking the id of a different document, whatever its extension), reindexed. With a `url` and no file,
 * the article at that address is previewed instead (previewArticle.ts); with neither, a usage hint.
 */
export async function addUploadedDocument(
  interaction: ChatInputCommandInteraction,
  ctx: BotContext,
): Promise<Outcome> {
  const attachment = interaction.options.getAttachment('file');
  const options = {
    title: interaction.options.getString('title'),
    outlet: interaction.options.getString('outlet'),
    author: interaction.options.getString('author'),
    published: interaction.options.getString('published')?.trim() ?? null,
    url: interaction.options.getString('url')?.trim() ?? null,
  };
  const replace = interaction.options.getBoolean('replace') ?? false;
  if (!attachment) {
    if (!options.url) throw new UserError(ADD_USAGE, 'invalid');
    const { url, ...given } = options;
    return previewArticle(interaction, ctx, url, given, replace);
  }
  const max = ctx.config.uploadMaxBytes;
  const ext = uploadExtension(attachment.name);
  if (!ext) throw refuse('only `.md` and `.txt` files can be added.');
  if (attachment.size > max) throw refuse(`${overCapReason(attachment.size, max)}.`);
  const problem = uploadOptionsProblem(options);
  if (problem) throw refuse(problem);
  await interaction.deferReply({ flags: 'Ephemeral' });

  let bytes: Buffer;
  try {
    bytes = await downloadAttachment(attachment.url, max);
  } catch (error) {
    if (error instanceof DownloadError) throw refuse(`${error.message}.`);
    throw error;
  }
  const named = safeFileName(attachment.name, ext, { title: options.title, unique: contentSuffix(bytes) });
  // Checked as the file stands (UTF-8, not binary, article text left), then with the options written in.
  const checked = await loadDocumentOffThread(named, bytes, { maxBytes: max });
  if (isSkipped(checked)) throw refuse(`${escapeForDiscord(checked.reason)}.`);
  let finalBytes: Buffer;
  try {
    finalBytes = Buffer.from(withFrontMatter(bytes.toString('utf8'), options), 'utf8');
  } catch (error) {
    if (error instanceof FrontMatterError)
      throw refuse(`unreadable front matter: ${escapeForDiscord(error.message)}.`);
    throw error;
  }
  const doc = await loadDocumentOffThread(named, finalBytes, { maxBytes: Math.max(max, finalBytes.length) });
  if (isSkipped(doc)) throw refuse(`${escapeForDiscord(doc.reason)}.`);

  let decision: UploadDecision;
  try {
    decision = await placeUpload(ctx.config.knowledgeDir, { file: named, meta: doc.meta }, finalBytes, {
      replace,
    });
  } catch (error) {
    if (error instanceof FileExistsError)
      throw refuse(
        `a file named ${inlineCode(named)} appeared in the knowledge folder meanwhile; try again.`,
      );
    throw error;
  }
  if (decision.kind === 'refuse') throw refuse(uploadRefusal(decision));
  const { file } = decision;
  crashPoint('add:before-reindex');
  const report = await reindexAfterChange(ctx);
  await auditModeratorAction(
    ctx,
    interaction,
    knowledgeAudit(decision.kind === 'replace' ? 'add (replace)' : 'add', 'Document added', file, report),
  );
  const id = documentId(file);
  // A reindex already running when the file was written may have taken it in before this one.
  const indexed = report.arrived.find((d) => d.id === id) ?? ctx.knowledge.document(id);
  await respond(
    interaction,
    addedMessage(
      file,
      indexed?.meta ?? doc.meta,
      indexed?.passages ?? 0,
      indexed?.firstPassage ?? null,
      report.changed.includes(id),
      report.endedRollback,
    ),
  );
  return { outcome: 'done', results: indexed?.passages ?? 0 };
}
