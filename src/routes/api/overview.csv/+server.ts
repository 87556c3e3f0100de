// The overview's top-categories table as CSV: the same rows, in the same order, as the page
// shows for the same ?from=&to=.
import { isHttpError } from '@sveltejs/kit';
import { toCsv } from '$lib/server/csv';
import { requestLang } from '$lib/server/lang';
import { topCategories } from '$lib/server/queries/overview';
import { filtersOr400 } from '$lib/server/request';
import { filterSuffix } from '$lib/filters';
import type { RequestHandler } from './$types';

const HEADER = ['rank', 'category', 'complaints', 'share_pct'];

export const GET: RequestHandler = async (event) => {
	try {
		const period = filtersOr400(event.url, requestLang(event));
		const rows = await topCategories(period);
		const body = toCsv(
			HEADER,
			rows.map((r, i) => [i + 1, r.category, r.n, Math.round(r.share * 10_000) / 100])
		);
		const suffix = filterSuffix(period);
		return new Response(body, {
			headers: {
				'Content-Type': 'text/csv; charset=utf-8',
				'Content-Disposition': `attachment; filename="telaah-kategori-teratas${suffix}.csv"`,
				'Cache-Control': 'no-store'
			}
		});
	} catch (err) {
		if (isHttpError(err)) {
			return new Response(`${err.body.message}\n`, {
				status: err.status,
				headers: { 'Content-Type': 'text/plain; charset=utf-8' }
			});
		}
		throw err;
	}
};
