/**
 * The sandbox's sense of time for notifications. In production it is the system clock; with
 * `SANDBOX_CLOCK=controllable` tests may move it forward (`POST /studio/test/clock`), so a
 * scheduled send's 15-minute slot can pass without anyone waiting for it. The controllable clock
 * keeps running from where it was moved to: an immediate send still finishes on its own.
 */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

export class ControllableClock implements Clock {
  #offsetMs = 0;
  /** Set: time stands still there until moved (tests that must not depend on how fast they run). */
  readonly #frozenAt: number | undefined;

  constructor(options: { frozen?: boolean } = {}) {
    this.#frozenAt = options.frozen ? Date.now() : undefined;
  }

  now(): number {
    return (this.#frozenAt ?? Date.now()) + this.#offsetMs;
  }

  get offsetMs(): number {
    return this.#offsetMs;
  }

  /** Moves time forward (never back: stored times would then lie in the future). */
  advance(ms: number): void {
    if (ms > 0) this.#offsetMs += ms;
  }

  /** Jumps to `time` when it is later than now. */
  set(time: number): void {
    this.advance(time - this.now());
  }
}
