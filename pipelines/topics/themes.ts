// Curated keyword taxonomy of policy themes (themes.json, validated with zod). Tags a complaint
// with every theme one of whose keywords occurs, independently of the topic clusters. Keywords
// and texts go through the same cleaning, spelling normalisation and stemming (no stopword
// removal, so "jalan yang rusak" can be a keyword), and a keyword matches a run of words.

import THEMES_JSON from '../../src/lib/core/themes.json' with { type: 'json' };
import { TaxonomySchema, type Theme } from '../../src/lib/core/themes.ts';
import { prepare, stem } from './text.ts';

export { TaxonomySchema } from '../../src/lib/core/themes.ts';

/** Words of a text as the tagger sees them: cleaned, normalised, stemmed; masks dropped. */
export const themeWords = (text: string): string[] => themeWordsOf(prepare(text));
/** The same from prepare()d words (to share the first pass with the topic features). */
const themeWordsOf = (prepared: readonly string[]): string[] => prepared.filter((w) => !w.startsWith('_')).map(stem);

export interface Tagger {
	themes: readonly Theme[];
	tag(text: string): string[];
	/** tag() from prepare()d words */
	tagPrepared(prepared: readonly string[]): string[];
}

export function buildTagger(input: unknown = THEMES_JSON): Tagger {
	const { themes } = TaxonomySchema.parse(input);
	// first word -> candidate phrases (as word arrays) with their theme
	const byFirst = new Map<string, { words: string[]; theme: string }[]>();
	for (const t of themes) {
		for (const kw of t.keywords) {
			const words = themeWords(kw);
			if (words.length === 0) throw new Error(`theme ${t.id}: keyword "${kw}" has no words`);
			const list = byFirst.get(words[0]!) ?? [];
			list.push({ words, theme: t.id });
			byFirst.set(words[0]!, list);
		}
	}
	const order = new Map(themes.map((t, i) => [t.id, i]));
	const tagWords = (words: readonly string[]): string[] => {
		const found = new Set<string>();
		for (let i = 0; i < words.length; i++) {
			for (const c of byFirst.get(words[i]!) ?? []) {
				if (found.has(c.theme)) continue;
				let ok = i + c.words.length <= words.length;
				for (let j = 1; ok && j < c.words.length; j++) ok = words[i + j] === c.words[j];
				if (ok) found.add(c.theme);
			}
		}
		return [...found].sort((a, b) => order.get(a)! - order.get(b)!);
	};
	return { themes, tag: (text) => tagWords(themeWords(text)), tagPrepared: (prepared) => tagWords(themeWordsOf(prepared)) };
}

/** Per theme, the documents tagged with it (model.ts seeds one centre from each). */
export const themeGroups = (themes: readonly Theme[], tags: readonly (readonly string[])[]): number[][] =>
	themes.map((t) => tags.flatMap((x, i) => (x.includes(t.id) ? [i] : [])));
