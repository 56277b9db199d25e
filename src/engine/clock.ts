/**
 * Time for the engine: injectable, so tests and simulations run years in seconds. Moments are
 * epoch milliseconds inside the engine, ISO 8601 with the +07:00 offset at its edges.
 */

/** A source of the current moment. */
export interface Clock {
  /** Milliseconds since 1970-01-01T00:00Z. */
  now(): number;
}

/** The system clock. */
export const systemClock: Clock = { now: () => Date.now() };

/**
 * A clock that moves only when told to: for tests, simulations and demonstrations. It never
 * goes back (events and deadlines keep their order).
 *
 * @example
 * const clock = new SimulatedClock(Date.parse('2026-03-02T08:00:00+07:00'));
 * clock.advance(3 * 86_400_000);       // three days later
 * clock.set(Date.parse('2026-04-01T08:00:00+07:00'));
 */
export class SimulatedClock implements Clock {
  private current: number;

  constructor(start: number) {
    if (!Number.isFinite(start)) throw new RangeError('a simulated clock needs a finite start');
    this.current = start;
  }

  now(): number {
    return this.current;
  }

  /** Moves the clock to `to`; a moment before the current one is a RangeError. */
  set(to: number): void {
    if (!Number.isFinite(to) || to < this.current) throw new RangeError(`the simulated clock cannot go back to ${to}`);
    this.current = to;
  }

  /** Moves the clock forward by `ms` milliseconds. */
  advance(ms: number): void {
    this.set(this.current + ms);
  }
}
