// The topic downloads' request: the filters (400/403 as every page), and 404 while no topic model
// has been fitted (`npm run topics`), with the page's own explanation.
import { error } from '@sveltejs/kit';
import type { Filters } from '$lib/filters';
import { translate, type Lang } from '$lib/i18n';
import { topicFit } from './queries/topics';
import { filtersOr400 } from './request';

export async function filtersWithTopics(url: URL, lang: Lang): Promise<Filters> {
	const filters = filtersOr400(url, lang);
	if (!(await topicFit())) error(404, { code: 'no_topic_model', message: translate(lang, 'topics.emptyTitle') });
	return filters;
}
