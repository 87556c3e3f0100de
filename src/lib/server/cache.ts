// A small in-process LRU memo. Safe for warehouse-derived values because the server opens the
// warehouse read-only and DuckDB's file lock keeps every writer (the ETL) out while it is
// open: results cannot change while it is open. The admin upload (routes/admin/unggah) closes it
// to ingest and then calls clearCaches(), which empties every Lru.
const every: Lru<unknown>[] = [];

/** Empties every cache in the process (after the warehouse changed). */
export function clearCaches(): void {
	for (const c of every) c.clear();
}

export class Lru<V> {
	readonly #map = new Map<string, V>();
	constructor(readonly max: number) {
		// Caches are module-level singletons, so this list does not grow per request.
		every.push(this as Lru<unknown>);
	}

	get(key: string): V | undefined {
		const v = this.#map.get(key);
		if (v !== undefined) {
			this.#map.delete(key);
			this.#map.set(key, v);
		}
		return v;
	}

	set(key: string, value: V): void {
		this.#map.delete(key);
		this.#map.set(key, value);
		while (this.#map.size > this.max) this.#map.delete(this.#map.keys().next().value as string);
	}

	/** Without refreshing the entry's recency. */
	peek(key: string): V | undefined {
		return this.#map.get(key);
	}

	delete(key: string): void {
		this.#map.delete(key);
	}

	clear(): void {
		this.#map.clear();
	}

	get size(): number {
		return this.#map.size;
	}
}

/** `fn()` once per key (while the entry stays in `cache`); concurrent callers share the promise. */
export function memo<V>(cache: Lru<Promise<V>>, key: string, fn: () => Promise<V>): Promise<V> {
	const hit = cache.get(key);
	if (hit) return hit;
	const p = fn();
	cache.set(key, p);
	// Failures are not remembered: the next call tries again.
	p.catch(() => {
		if (cache.peek(key) === p) cache.delete(key);
	});
	return p;
}
