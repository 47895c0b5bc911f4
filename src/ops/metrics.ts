import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/** What an interaction was, for its labels: never who asked, never what. */
export type InteractionKind = 'command' | 'autocomplete' | 'button' | 'modal' | 'other';

export interface InteractionSample {
  kind: InteractionKind;
  /** The command or the button's family (a fixed set: unknown names are counted as "unknown"). */
  command: string;
  outcome: string;
  seconds: number;
}

/** How the bot counts what it does; the no-op one serves tests and the command line. */
export interface Metrics {
  interaction(sample: InteractionSample): void;
  reindexed(seconds: number): void;
  feedRound(report: { notModified: number; changed: number; baseline: number; failed: number }): void;
  stateError(): void;
}

export const noMetrics: Metrics = {
  interaction() {},
  reindexed() {},
  feedRound() {},
  stateError() {},
};

/** The index as the gauges read it, at each scrape. */
export interface IndexSize {
  documents: number;
  passages: number;
}

/**
 * The Prometheus metrics of one process, in a registry of its own: Node's default process metrics and
 * crisis_desk_* for interactions (by kind, command and outcome, with a latency histogram), answers
 * (answered / not found), the index, reindex durations, feed polls and state database errors.
 */
export class PromMetrics implements Metrics {
  readonly registry = new Registry();
  readonly #interactions: Counter<'kind' | 'command' | 'outcome'>;
  readonly #latency: Histogram<'kind'>;
  readonly #answers: Counter<'result'>;
  readonly #reindex: Histogram;
  readonly #feedPolls: Counter<'outcome'>;
  readonly #stateErrors: Counter;

  constructor(indexSize: () => IndexSize) {
    collectDefaultMetrics({ register: this.registry });
    const registers = [this.registry];
    this.#interactions = new Counter({
      name: 'crisis_desk_interactions_total',
      help: 'Interactions handled, by kind, command (or button family) and outcome.',
      labelNames: ['kind', 'command', 'outcome'],
      registers,
    });
    this.#latency = new Histogram({
      name: 'crisis_desk_interaction_duration_seconds',
      help: 'Time from receiving an interaction to its last response.',
      labelNames: ['kind'],
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
    this.#answers = new Counter({
      name: 'crisis_desk_answers_total',
      help: 'Questions answered with passages, and questions the knowledge did not cover.',
      labelNames: ['result'],
      registers,
    });
    this.#reindex = new Histogram({
      name: 'crisis_desk_reindex_duration_seconds',
      help: 'Duration of each reindex, saving included.',
      buckets: [0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 120],
      registers,
    });
    this.#feedPolls = new Counter({
      name: 'crisis_desk_feed_polls_total',
      help: 'Feed polls, by outcome (changed, not_modified, baseline, failed).',
      labelNames: ['outcome'],
      registers,
    });
    this.#stateErrors = new Counter({
      name: 'crisis_desk_state_errors_total',
      help: 'Requests that failed because the state database was unavailable.',
      registers,
    });
    for (const [name, help, read] of [
      ['crisis_desk_index_documents', 'Documents in the index being served.', (s: IndexSize) => s.documents],
      ['crisis_desk_index_passages', 'Passages in the index being served.', (s: IndexSize) => s.passages],
    ] as const)
      new Gauge({
        name,
        help,
        registers,
        collect() {
          this.set(read(indexSize()));
        },
      });
    for (const result of ['answered', 'not_found']) this.#answers.inc({ result }, 0);
    this.#stateErrors.inc(0);
  }

  interaction({ kind, command, outcome, seconds }: InteractionSample): void {
    this.#interactions.inc({ kind, command, outcome });
    this.#latency.observe({ kind }, seconds);
    if (kind !== 'autocomplete' && (outcome === 'answered' || outcome === 'not_found'))
      this.#answers.inc({ result: outcome });
  }

  reindexed(seconds: number): void {
    this.#reindex.observe(seconds);
  }

  feedRound(report: { notModified: number; changed: number; baseline: number; failed: number }): void {
    const counts = {
      changed: report.changed,
      not_modified: report.notModified,
      baseline: report.baseline,
      failed: report.failed,
    };
    for (const [outcome, n] of Object.entries(counts)) if (n > 0) this.#feedPolls.inc({ outcome }, n);
  }

  stateError(): void {
    this.#stateErrors.inc();
  }
}
