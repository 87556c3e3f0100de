// Table order in the URL, the same way for every sortable table: `?sort=key` ascending,
// `?sort=-key` descending (JSON:API style), so each order is a link that works without
// JavaScript and can be shared. A column's first click goes its natural way (figures largest
// first, text A–Z, ranks 1 first); a second click reverses it. Rows without a value stay last both ways (a
// "tidak tersedia" is not the best or the worst), and ties keep one order whatever the direction.

export type SortDir = 'asc' | 'desc';
export interface SortState<K extends string = string> {
	key: K;
	dir: SortDir;
}

export interface SortSpec<K extends string = string> {
	/** the query parameter: `sort`, or another name for a second table on the same page */
	param: string;
	keys: readonly K[];
	/** the order when the URL has none */
	initial: SortState<K>;
	/** columns whose first click sorts ascending (text A–Z, ranks 1 first); the others start largest first */
	ascFirst: readonly K[];
}

/** The sort in a URL value; '' or absent is the spec's initial order, anything unknown null. */
export function parseSort<K extends string>(spec: SortSpec<K>, raw: string | null): SortState<K> | null {
	if (raw === null || raw === '') return spec.initial;
	const desc = raw.startsWith('-');
	const key = desc ? raw.slice(1) : raw;
	if (!(spec.keys as readonly string[]).includes(key)) return null;
	return { key: key as K, dir: desc ? 'desc' : 'asc' };
}

/** The URL value of a sort: null for the initial order, so default links stay short. */
export function sortValue<K extends string>(spec: SortSpec<K>, s: SortState<K>): string | null {
	if (s.key === spec.initial.key && s.dir === spec.initial.dir) return null;
	return s.dir === 'desc' ? `-${s.key}` : s.key;
}

/** A column's natural direction: ascending for text and ranks, else largest first. */
export function naturalDir<K extends string>(spec: SortSpec<K>, key: K): SortDir {
	return spec.ascFirst.includes(key) ? 'asc' : 'desc';
}

/** What a click on column `key` asks for: the reverse when the table is sorted by it, else its natural way. */
export function nextSort<K extends string>(spec: SortSpec<K>, current: SortState<K>, key: K): SortState<K> {
	if (current.key === key) return { key, dir: current.dir === 'asc' ? 'desc' : 'asc' };
	return { key, dir: naturalDir(spec, key) };
}

/** Every column's header link: `href` gets the URL value of its next sort (null: the initial order). */
export function sortHrefs<K extends string>(
	spec: SortSpec<K>,
	current: SortState<K>,
	href: (value: string | null) => string
): Record<K, string> {
	return Object.fromEntries(spec.keys.map((k) => [k, href(sortValue(spec, nextSort(spec, current, k)))])) as Record<K, string>;
}

/** The accepted values, for an error message: `n, -n, name, -name, …`. */
export function sortChoices(spec: SortSpec): string {
	return spec.keys.flatMap((k) => [k, `-${k}`]).join(', ');
}

type Value = number | string | null;
const collator = new Intl.Collator('id');

/**
 * Rows in the order of one column: numbers by value, text by the Indonesian collation (as SQL
 * orders the region names), null last in both directions; ties by `tie`, the same both ways.
 */
export function sortRows<T>(rows: readonly T[], value: (r: T) => Value, dir: SortDir, tie: (a: T, b: T) => number): T[] {
	const sign = dir === 'desc' ? -1 : 1;
	return [...rows].sort((a, b) => {
		const va = value(a);
		const vb = value(b);
		if (va === null || vb === null) return va === vb ? tie(a, b) : va === null ? 1 : -1;
		const c = typeof va === 'string' || typeof vb === 'string' ? collator.compare(String(va), String(vb)) : va - vb;
		return c !== 0 ? sign * c : tie(a, b);
	});
}

/** `aria-sort` of a column header: only the sorted column says its direction. */
export function ariaSort(current: SortState, key: string): 'ascending' | 'descending' | undefined {
	if (current.key !== key) return undefined;
	return current.dir === 'asc' ? 'ascending' : 'descending';
}
