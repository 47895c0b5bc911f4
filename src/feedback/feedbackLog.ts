import { appendFile, mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { capText, type FeedbackInput, type FeedbackRecord, QUERY_MAX, REASON_MAX } from './feedbackRecord.js';

export const FEEDBACK_FILE = 'feedback.jsonl';

export interface FeedbackLogger {
  warn(obj: object, msg?: string): void;
}

/**
 * Appends feedback records to DATA_DIR/feedback.jsonl. Appends run one after another through one
 * promise chain, so lines never interleave; a failed write is logged and the member's click still
 * succeeds (feedback is worth less than the answer it is about).
 */
export class FeedbackLog {
  readonly path: string;
  #tail: Promise<void> = Promise.resolve();

  constructor(
    dataDir: string,
    private readonly logger: FeedbackLogger,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.path = join(dataDir, FEEDBACK_FILE);
  }

  /** Resolves once this record is written (or its failure logged); never rejects. */
  append(input: FeedbackInput): Promise<void> {
    const record: FeedbackRecord = {
      time: this.now().toISOString(),
      ...input,
      query: input.query === null ? null : capText(input.query, QUERY_MAX),
      ...(typeof input.reason === 'string' ? { reason: capText(input.reason, REASON_MAX) } : {}),
    };
    const line = `${JSON.stringify(record)}\n`;
    this.#tail = this.#tail.then(() => this.#write(line, record.kind));
    return this.#tail;
  }

  async #write(line: string, kind: FeedbackRecord['kind']): Promise<void> {
    try {
      await mkdir(dirname(this.path), { recursive: true });
      await appendFile(this.path, line, 'utf8');
    } catch (error) {
      this.logger.warn({ err: error, kind, path: this.path }, 'could not record feedback');
    }
  }
}
