import type pg from 'pg';
import { transaction } from '../../state/postgres/pgPool.js';
import {
  type Cooldown,
  type CooldownLimits,
  type CooldownResult,
  checkCooldownLimits,
  retryAfterSeconds,
} from './cooldown.js';

/** The cooldown every replica counts against: a member's questions in the window, wherever asked. */
export class PgCooldown implements Cooldown {
  readonly #questions: number;
  readonly #windowMs: number;

  constructor(
    private readonly pool: pg.Pool,
    limits: CooldownLimits,
    private readonly now: () => number = Date.now,
  ) {
    checkCooldownLimits(limits);
    this.#questions = limits.questions;
    this.#windowMs = limits.seconds * 1000;
  }

  async take(member: string): Promise<CooldownResult> {
    const now = this.now();
    const cutoff = new Date(now - this.#windowMs).toISOString();
    return transaction(this.pool, async (client) => {
      // One member's takes are counted by one replica at a time.
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`cooldown:${member}`]);
      // Takes that left the window, everybody's: the table stays as small as the window.
      await client.query('DELETE FROM cooldown_takes WHERE at <= $1', [cutoff]);
      const { rows } = await client.query<{ at: string }>(
        'SELECT at FROM cooldown_takes WHERE member = $1 ORDER BY at LIMIT $2',
        [member, this.#questions],
      );
      const oldest = rows[0];
      if (rows.length >= this.#questions && oldest)
        return {
          ok: false,
          retryAfterSeconds: retryAfterSeconds(Date.parse(oldest.at), this.#windowMs, now),
        };
      await client.query('INSERT INTO cooldown_takes (member, at) VALUES ($1, $2)', [
        member,
        new Date(now).toISOString(),
      ]);
      return { ok: true };
    });
  }
}
