// In-memory sign-in throttle: after `free` failures for a key (an IP, a user name), each further
// failure locks the key for base·2^k seconds, capped. A success clears the key. Memory is bounded
// by dropping the oldest keys. One process, so in memory is enough (restarts forget, on purpose).
export class Backoff {
	readonly #state = new Map<string, { fails: number; until: number; last: number }>();
	constructor(
		readonly free: number,
		readonly baseMs = 30_000,
		readonly maxMs = 15 * 60_000,
		readonly maxKeys = 10_000
	) {}

	/** Seconds until `key` may try again; 0 when it may now. */
	retryAfter(key: string, now = Date.now()): number {
		const s = this.#state.get(key);
		return s && s.until > now ? Math.ceil((s.until - now) / 1000) : 0;
	}

	fail(key: string, now = Date.now()): void {
		const s = this.#state.get(key) ?? { fails: 0, until: 0, last: now };
		// A key idle for longer than the cap starts over.
		if (now - s.last > this.maxMs) s.fails = 0;
		s.fails++;
		s.last = now;
		if (s.fails >= this.free) s.until = now + Math.min(this.maxMs, this.baseMs * 2 ** (s.fails - this.free));
		this.#state.delete(key);
		this.#state.set(key, s);
		while (this.#state.size > this.maxKeys) this.#state.delete(this.#state.keys().next().value as string);
	}

	clear(key: string): void {
		this.#state.delete(key);
	}
}

// Sign-in: 5 free failures per user name; per IP more, as offices share one address.
export const signinByName = new Backoff(5);
export const signinByIp = new Backoff(20);
