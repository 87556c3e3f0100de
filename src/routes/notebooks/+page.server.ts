import { dataVersion } from '$lib/server/db';
import { requestLang } from '$lib/server/lang';
import { notebookManifest } from '$lib/server/notebooks';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const manifest = notebookManifest();
	return {
		lang: requestLang(event),
		manifest,
		// A build from an older (or another) warehouse says so: its figures are not today's.
		stale: manifest !== null && manifest.data_version !== (await dataVersion())
	};
};
