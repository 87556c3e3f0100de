// The policy-theme taxonomy (themes.json), its schema and the one way to name a theme in a
// language. Without the text pipeline (pipelines/topics/themes.ts tags complaints with it), so
// the web server reads the names without loading the stemmer and stopword lists.
import { z } from 'zod';
import THEMES_JSON from './themes.json' with { type: 'json' };

const ThemeSchema = z.object({
	id: z.string().regex(/^[a-z][a-z_]*$/),
	/** a topic cluster's name when most of its complaints carry the theme (pipelines/topics/labels.ts) */
	short: z.string().min(1).max(24),
	short_en: z.string().min(1).max(24),
	label: z.string().min(1),
	label_en: z.string().min(1),
	keywords: z.array(z.string().trim().min(1)).min(1)
});
export const TaxonomySchema = z
	.object({ _comment: z.string().optional(), themes: z.array(ThemeSchema).min(1) })
	.refine((t) => new Set(t.themes.map((x) => x.id)).size === t.themes.length, { message: 'theme ids must be unique' });
export type Theme = z.infer<typeof ThemeSchema>;

/** The curated themes, validated, in the file's order. */
export const THEMES: readonly Theme[] = TaxonomySchema.parse(THEMES_JSON).themes;
const BY_ID = new Map(THEMES.map((t) => [t.id, t]));

/** A theme's display name in the UI language; an id not in the taxonomy is shown as it is. */
export function themeName(id: string, lang: 'id' | 'en'): string {
	const t = BY_ID.get(id);
	return t ? (lang === 'en' ? t.label_en : t.label) : id;
}
