/**
 * One term's postings in one field: what minisearch keeps as a Map<shortId, frequency>, here as two
 * typed arrays sorted by shortId. A Map costs about 40 bytes a posting and the index holds millions;
 * these cost 6. It implements Map, so it stands in for minisearch's (test/postings.test.ts checks it
 * behaves like one; test/passageIndexCanary.test.ts, which of its methods minisearch calls).
 *
 * Deleting leaves a hole (frequency 0) that later slots close up; iterators survive both, because
 * minisearch deletes while it iterates (search-time cleanup, vacuuming).
 */
const MAX_FREQUENCY = 0xffff;
const MIN_CAPACITY = 2;

/**
 * Spare room a list of `count` postings keeps once built or saved: a change then appends to the
 * long lists it touches instead of copying them (which, mid-change, would block), for 6 bytes × 1/8.
 */
export function capacityFor(count: number): number {
  return count + Math.max(MIN_CAPACITY, count >> 3);
}

type Ids = Uint32Array<ArrayBufferLike>;
type Freqs = Uint16Array<ArrayBufferLike>;

export class Postings implements Map<number, number> {
  private ids: Ids;
  private freqs: Freqs;
  /** Slots in use, holes included. */
  private used: number;
  private live: number;
  /** Bumped whenever slots move, so a running iterator finds its place again. */
  private layout = 0;
  private hint = 0;

  constructor(
    ids: Ids = new Uint32Array(MIN_CAPACITY),
    freqs: Freqs = new Uint16Array(ids.length),
    used = 0,
  ) {
    this.ids = ids;
    this.freqs = freqs;
    this.used = used;
    let live = 0;
    for (let i = 0; i < used; i++) if (freqs[i] !== 0) live++;
    this.live = live;
  }

  /**
   * Postings over arrays read from disk: the first `count` slots hold postings (every frequency above
   * 0), the rest is spare room. Used in place until they outgrow it.
   */
  static view(ids: Ids, freqs: Freqs, count: number = ids.length): Postings {
    const postings = new Postings(ids, freqs, 0);
    postings.used = count;
    postings.live = count;
    return postings;
  }

  get size(): number {
    return this.live;
  }

  /** Slot of `id`, or -(insertion point) - 1. */
  private find(id: number): number {
    const ids = this.ids;
    // minisearch reads keys() then get() of each in turn: try the slot after the last one found first.
    const h = this.hint;
    if (h < this.used && ids[h] === id) return h;
    if (h + 1 < this.used && ids[h + 1] === id) {
      this.hint = h + 1;
      return h + 1;
    }
    let lo = 0;
    let hi = this.used - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const v = ids[mid]!;
      if (v < id) lo = mid + 1;
      else if (v > id) hi = mid - 1;
      else {
        this.hint = mid;
        return mid;
      }
    }
    return -lo - 1;
  }

  get(id: number): number | undefined {
    const slot = this.find(id);
    if (slot < 0) return undefined;
    const freq = this.freqs[slot]!;
    return freq === 0 ? undefined : freq;
  }

  has(id: number): boolean {
    return this.get(id) !== undefined;
  }

  get [Symbol.toStringTag](): string {
    return 'Postings';
  }

  clear(): void {
    this.ids = new Uint32Array(MIN_CAPACITY);
    this.freqs = new Uint16Array(MIN_CAPACITY);
    this.used = 0;
    this.live = 0;
    this.hint = 0;
    this.layout++;
  }

  set(id: number, frequency: number): this {
    const freq = Math.max(1, Math.min(MAX_FREQUENCY, frequency));
    const used = this.used;
    if (used === 0 || this.ids[used - 1]! < id) {
      this.append(id, freq);
      return this;
    }
    const slot = this.find(id);
    if (slot >= 0) {
      if (this.freqs[slot] === 0) this.live++;
      this.freqs[slot] = freq;
      return this;
    }
    this.insertAt(-slot - 1, id, freq);
    return this;
  }

  delete(id: number): boolean {
    const slot = this.find(id);
    if (slot < 0 || this.freqs[slot] === 0) return false;
    this.freqs[slot] = 0;
    this.live--;
    if (this.used - this.live > Math.max(8, this.live >> 2)) this.compact();
    return true;
  }

  /** Adds a posting for an id above every one held (how documents are added): no search, no shifting. */
  append(id: number, frequency: number): void {
    if (this.used === this.ids.length) this.grow(this.used + 1);
    this.ids[this.used] = id;
    this.freqs[this.used] = Math.max(1, Math.min(MAX_FREQUENCY, frequency));
    this.used++;
    this.live++;
  }

  /** Room for `count` more postings, made ahead of a change so that applying it never copies a list. */
  reserve(count: number): void {
    if (this.used + count > this.ids.length) this.grow(capacityFor(this.used + count), 1);
  }

  /** Drops holes, and spare capacity beyond capacityFor (a build grows lists by half each time). */
  trim(): void {
    if (this.used === this.live && this.ids.length <= capacityFor(this.live)) return;
    this.compact(true);
  }

  private grow(needed: number, factor = 1.5): void {
    const capacity = Math.max(MIN_CAPACITY, needed, Math.ceil(this.ids.length * factor));
    const ids = new Uint32Array(capacity);
    const freqs = new Uint16Array(capacity);
    ids.set(this.ids.subarray(0, this.used));
    freqs.set(this.freqs.subarray(0, this.used));
    this.ids = ids;
    this.freqs = freqs;
  }

  private insertAt(slot: number, id: number, freq: number): void {
    if (this.used === this.ids.length) this.grow(this.used + 1);
    this.ids.copyWithin(slot + 1, slot, this.used);
    this.freqs.copyWithin(slot + 1, slot, this.used);
    this.ids[slot] = id;
    this.freqs[slot] = freq;
    this.used++;
    this.live++;
    this.layout++;
  }

  private compact(resize = false): void {
    const ids = resize ? new Uint32Array(capacityFor(this.live)) : this.ids;
    const freqs = resize ? new Uint16Array(capacityFor(this.live)) : this.freqs;
    let out = 0;
    for (let i = 0; i < this.used; i++) {
      const freq = this.freqs[i]!;
      if (freq === 0) continue;
      ids[out] = this.ids[i]!;
      freqs[out] = freq;
      out++;
    }
    this.ids = ids;
    this.freqs = freqs;
    this.used = out;
    this.hint = 0;
    this.layout++;
  }

  /**
   * Live postings as parallel arrays (for saving); `into` offsets are filled from `at`. Without
   * `keep`, every live posting is copied.
   */
  copyInto(ids: Ids, freqs: Freqs, at: number, keep: ((id: number) => boolean) | null): number {
    if (keep === null && this.used === this.live) {
      ids.set(this.ids.subarray(0, this.used), at);
      freqs.set(this.freqs.subarray(0, this.used), at);
      return this.used;
    }
    let out = at;
    for (let i = 0; i < this.used; i++) {
      const freq = this.freqs[i]!;
      const id = this.ids[i]!;
      if (freq === 0 || (keep !== null && !keep(id))) continue;
      ids[out] = id;
      freqs[out] = freq;
      out++;
    }
    return out - at;
  }

  /**
   * The next live slot for a cursor, or -1. After slots moved it resumes at the first id above the
   * last one it returned. Points the lookup hint at the slot, as get() of that id follows.
   */
  nextSlot(cursor: Cursor): number {
    if (cursor.layout !== this.layout) {
      cursor.layout = this.layout;
      const slot = cursor.last < 0 ? 0 : this.find(cursor.last);
      cursor.slot = slot >= 0 ? slot + 1 : -slot - 1;
    }
    while (cursor.slot < this.used) {
      const slot = cursor.slot++;
      if (this.freqs[slot] === 0) continue;
      cursor.last = this.ids[slot]!;
      this.hint = slot;
      return slot;
    }
    return -1;
  }

  /** Slots in use, holes included: idAt and frequencyAt read slots below it (a hole's frequency is 0). */
  get usedSlots(): number {
    return this.used;
  }

  /**
   * The first slot from `from` on whose id is `id` or above (usedSlots when there is none): a gallop
   * then a binary search, so walking ids in ascending order reads the list forward once.
   */
  seek(id: number, from: number): number {
    const ids = this.ids;
    const used = this.used;
    if (from >= used || ids[from]! >= id) return from;
    let lo = from;
    let step = 1;
    let hi = from + step;
    while (hi < used && ids[hi]! < id) {
      lo = hi;
      step *= 2;
      hi = from + step;
    }
    if (hi > used) hi = used;
    // ids[lo] < id, and ids[hi] >= id or hi === used.
    while (hi - lo > 1) {
      const mid = (lo + hi) >>> 1;
      if (ids[mid]! < id) lo = mid;
      else hi = mid;
    }
    return hi;
  }

  idAt(slot: number): number {
    return this.ids[slot]!;
  }

  frequencyAt(slot: number): number {
    return this.freqs[slot]!;
  }

  cursor(): Cursor {
    return { slot: 0, layout: this.layout, last: -1 };
  }

  // Iterator classes, not generators: minisearch walks whole posting lists on every query.
  keys(): MapIterator<number> {
    return new PostingsIterator(this, (p, slot) => p.idAt(slot));
  }

  values(): MapIterator<number> {
    return new PostingsIterator(this, (p, slot) => p.frequencyAt(slot));
  }

  entries(): MapIterator<[number, number]> {
    return new PostingsIterator(this, (p, slot): [number, number] => [p.idAt(slot), p.frequencyAt(slot)]);
  }

  [Symbol.iterator](): MapIterator<[number, number]> {
    return this.entries();
  }

  forEach(
    callback: (frequency: number, id: number, postings: Map<number, number>) => void,
    thisArg?: unknown,
  ): void {
    for (const [id, freq] of this.entries()) callback.call(thisArg, freq, id, this);
  }
}

interface Cursor {
  slot: number;
  layout: number;
  last: number;
}

class PostingsIterator<T> implements MapIterator<T> {
  private readonly cursor: Cursor;

  constructor(
    private readonly postings: Postings,
    private readonly read: (postings: Postings, slot: number) => T,
  ) {
    this.cursor = postings.cursor();
  }

  next(): IteratorResult<T, undefined> {
    const slot = this.postings.nextSlot(this.cursor);
    return slot < 0
      ? { value: undefined, done: true }
      : { value: this.read(this.postings, slot), done: false };
  }

  [Symbol.iterator](): MapIterator<T> {
    return this;
  }
}
