import type { Log } from '../log/log.js';
import {
  capText,
  type FeedbackInput,
  type FeedbackRecord,
  QUERY_MAX,
  REASON_MAX,
} from '../state/feedbackRecord.js';
import type { FeedbackStore } from '../state/feedbackStore.js';
import { FifoQueue } from '../util/fifoQueue.js';

/**
 * Records members' feedback in the state database (FeedbackStore). Records go in one after another
 * through one queue, in call order; a failed write is logged and the member's click still
 * succeeds (feedback is worth less than the answer it is about).
 */
export class FeedbackLog {
  readonly #writes = new FifoQueue();

  constructor(
    private readonly store: Pick<FeedbackStore, 'append'>,
    private readonly logger: Log,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Resolves once this record is written (or its failure logged); never rejects. */
  append(input: FeedbackInput): Promise<void> {
    const record: FeedbackRecord = {
      time: this.now().toISOString(),
      ...input,
      query: input.query === null ? null : capText(input.query, QUERY_MAX),
      ...(typeof input.reason === 'string' ? { reason: capText(input.reason, REASON_MAX) } : {}),
    };
    return this.#writes.run(() => this.#write(record));
  }

  async #write(record: FeedbackRecord): Promise<void> {
    try {
      await this.store.append(record);
    } catch (error) {
      this.logger.warn({ err: error, kind: record.kind }, 'could not record feedback');
    }
  }
}
