import { isHttpError } from '@sveltejs/kit';
import { requestLang } from '$lib/server/lang';
import { dataAsOf } from '$lib/server/queries/overview';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async (event) => {
	const lang = requestLang(event);
	let asOf: string | null = null;
	try {
		asOf = await dataAsOf();
	} catch (err) {
		// A missing warehouse is reported by the page itself (503 with instructions); the
		// layout still renders so the error page has its header and footer.
		if (!isHttpError(err)) throw err;
	}
	return { lang, dataAsOf: asOf };
};
