import type { Clock } from './clock';

/**
 * The time budget of one skill invocation. Every Spotify request gets what is left of it as its timeout,
 * so the skill answers before Alexa's 8-second limit even when Spotify hangs.
 */
export class Deadline {
  private readonly endsAt: number;

  constructor(
    private readonly clock: Clock,
    budgetMs: number,
  ) {
    this.endsAt = clock.now() + budgetMs;
  }

  /** Whole milliseconds (timers such as AbortSignal.timeout take integers only), never negative. */
  remainingMs(): number {
    return Math.max(0, Math.floor(this.endsAt - this.clock.now()));
  }

  expired(): boolean {
    return this.remainingMs() <= 0;
  }
}
