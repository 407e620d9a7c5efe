// The clock times of a text that may start an entry, as columns: a 100 MB trace holds millions.
// Both scanners fill it (scan/); the choice of entries reads it (candidates.ts).

export const enum CandidatePlace {
  LineStart = 0,
  /** Directly after other text: `...0977823:26:58`. */
  Abutting = 1,
  /** After a space or tab: `... Library. 23:26:58 Trace: ...`. */
  Spaced = 2,
}

/** Every well-formed clock time followed by a blank or a line end, in text order. */
export class CandidateList {
  count = 0;
  pos = new Int32Array(1024);
  clock = new Float64Array(1024);
  /** 8, or 12 with milliseconds. */
  length = new Uint8Array(1024);
  place = new Uint8Array(1024);
  /** Whether the context allows an entry start (CONTEXT_*): the byte scan reads it, the TypeScript scan leaves it to the choice. */
  context = new Uint8Array(1024);

  clear(): void {
    this.count = 0;
  }

  /** Appends a run of candidates (from the byte scan). */
  append(pos: Int32Array, clock: Float64Array, length: Uint8Array, place: Uint8Array, context: Uint8Array): void {
    while (this.count + pos.length > this.pos.length) this.grow();
    this.pos.set(pos, this.count);
    this.clock.set(clock, this.count);
    this.length.set(length, this.count);
    this.place.set(place, this.count);
    this.context.set(context, this.count);
    this.count += pos.length;
  }

  push(pos: number, clock: number, length: number, place: CandidatePlace): void {
    if (this.count === this.pos.length) this.grow();
    const i = this.count++;
    this.pos[i] = pos;
    this.clock[i] = clock;
    this.length[i] = length;
    this.place[i] = place;
    this.context[i] = CONTEXT_UNREAD;
  }

  private grow(): void {
    const size = this.pos.length * 2;
    const pos = new Int32Array(size);
    pos.set(this.pos);
    this.pos = pos;
    const clock = new Float64Array(size);
    clock.set(this.clock);
    this.clock = clock;
    const length = new Uint8Array(size);
    length.set(this.length);
    this.length = length;
    const place = new Uint8Array(size);
    place.set(this.place);
    this.place = place;
    const context = new Uint8Array(size);
    context.set(this.context);
    this.context = context;
  }
}

// A candidate's context (the byte scan writes the same codes).
export const CONTEXT_UNREAD = 0;
export const CONTEXT_ALLOWS = 1;
export const CONTEXT_DENIES = 2;

