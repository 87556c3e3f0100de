// Indonesian stemmer: the Snowball "indonesian" algorithm (Tala 2003, a Porter-style stemmer for
// Bahasa Indonesia), written here from the published Snowball description
// (snowballstem.org/algorithms/indonesian, BSD-3-Clause). It is rule-based and uses NO root-word
// dictionary, so nothing from the CC BY-NC-SA Kateglo/Sastrawi kata-dasar list is involved.
// Checked token-for-token against @orama/stemmers 3.1.18 `indonesian` (Apache-2.0, the same
// Snowball-generated algorithm) on the Surabaya vocabulary; see stemmer.test.ts.
//
// Steps: count vowels ("measure"); a word with measure <= 2 is left alone. Then remove a particle
// (-kah -lah -pun), a possessive (-ku -mu -nya), then either a first-order prefix (di- ke- me- ter-
// peng- ...) followed by a suffix (-kan -an -i, each allowed only after certain prefixes) and, if
// a suffix went, a second-order prefix (ber- per- pe-); or a second-order prefix then a suffix.
// Every removal lowers the measure by one and stops once it reaches 2.

const isVowel = (c: string | undefined) => c === 'a' || c === 'e' || c === 'i' || c === 'o' || c === 'u';

function measureOf(w: string): number {
	let n = 0;
	for (const c of w) if (isVowel(c)) n++;
	return n;
}

interface State {
	w: string;
	measure: number;
	/** 0 none, 1 di/meng/ter, 2 pe/per, 3 ke/peng, 4 ber */
	prefix: number;
}

/** Removes the longest of `ends` from the end of w[limit..], if present. */
function dropEnding(s: State, ends: readonly string[], limit: number): boolean {
	for (const e of ends) {
		if (s.w.length - limit >= e.length && s.w.endsWith(e)) {
			s.w = s.w.slice(0, s.w.length - e.length);
			s.measure--;
			return true;
		}
	}
	return false;
}

/** -kan (not after ke-/peng-/pe-/per-), -an (not after di-/meng-/ter-), -i (after none, di-, pe-; not after s). */
function removeSuffix(s: State, limit: number): boolean {
	const w = s.w;
	const room = w.length - limit;
	const cut = (n: number) => {
		s.w = w.slice(0, w.length - n);
		s.measure--;
		return true;
	};
	if (room >= 3 && w.endsWith('kan') && s.prefix !== 3 && s.prefix !== 2) return cut(3);
	if (room >= 2 && w.endsWith('an') && s.prefix !== 1) return cut(2);
	if (room >= 1 && w.endsWith('i') && s.prefix <= 2 && !(room >= 2 && w[w.length - 2] === 's')) return cut(1);
	return false;
}

/** Returns the cursor position after the removal (where a second-order prefix would start), or -1. */
function removeFirstOrderPrefix(s: State): number {
	const w = s.w;
	const set = (rest: string, prefix: number, cursor: number) => {
		s.w = rest;
		s.prefix = prefix;
		s.measure--;
		return cursor;
	};
	if ((w.startsWith('meny') || w.startsWith('peny')) && isVowel(w[4])) return set('s' + w.slice(4), w[0] === 'm' ? 1 : 3, 1);
	if (w.startsWith('meng')) return set(w.slice(4), 1, 0);
	if (w.startsWith('peng')) return set(w.slice(4), 3, 0);
	if (w.startsWith('mem') || w.startsWith('pem')) {
		const prefix = w[0] === 'm' ? 1 : 3;
		return isVowel(w[3]) ? set('p' + w.slice(3), prefix, 1) : set(w.slice(3), prefix, 0);
	}
	if (w.startsWith('men')) return set(w.slice(3), 1, 0);
	if (w.startsWith('pen')) return set(w.slice(3), 3, 0);
	if (w.startsWith('ter')) return set(w.slice(3), 1, 0);
	if (w.startsWith('di') || w.startsWith('me')) return set(w.slice(2), 1, 0);
	if (w.startsWith('ke')) return set(w.slice(2), 3, 0);
	return -1;
}

/** ber-, be- + C + er, belajar -> ajar, per-, pe-, pelajar -> ajar; matched from `at`. Returns the new cursor or -1. */
function removeSecondOrderPrefix(s: State, at: number): number {
	const head = s.w.slice(0, at);
	const w = s.w.slice(at);
	const set = (rest: string, prefix: number | null, cursor: number) => {
		s.w = head + rest;
		if (prefix !== null) s.prefix = prefix;
		s.measure--;
		return at + cursor;
	};
	if (w.startsWith('belajar')) return set('ajar' + w.slice(7), 4, 4);
	if (w.startsWith('ber')) return set(w.slice(3), 4, 0);
	if (w.startsWith('be') && w.length >= 5 && !isVowel(w[2]) && w.slice(3, 5) === 'er') return set(w.slice(2), 4, 0);
	if (w.startsWith('pelajar')) return set('ajar' + w.slice(7), null, 4);
	if (w.startsWith('per')) return set(w.slice(3), 2, 0);
	if (w.startsWith('pe')) return set(w.slice(2), 2, 0);
	return -1;
}

/** Stems one lower-case word (a-z). Anything else is returned unchanged by the rules. */
export function stemId(word: string): string {
	const s: State = { w: word, measure: measureOf(word), prefix: 0 };
	if (s.measure <= 2) return word;
	dropEnding(s, ['kah', 'lah', 'pun'], 0);
	if (s.measure <= 2) return s.w;
	dropEnding(s, ['nya', 'ku', 'mu'], 0);
	if (s.measure <= 2) return s.w;
	const cursor = removeFirstOrderPrefix(s);
	if (cursor >= 0) {
		if (s.measure > 2 && removeSuffix(s, cursor) && s.measure > 2) removeSecondOrderPrefix(s, cursor);
	} else {
		removeSecondOrderPrefix(s, 0);
		if (s.measure > 2) removeSuffix(s, 0);
	}
	return s.w;
}
