// Display names of the policy themes (pipelines/topics/themes.json) in the page's language.
import type { Lang } from '$lib/i18n';
import { THEMES } from '../../../pipelines/topics/taxonomy';

export const themeLabels = (lang: Lang): Map<string, string> => new Map(THEMES.map((t) => [t.id, lang === 'en' ? t.label_en : t.label]));
