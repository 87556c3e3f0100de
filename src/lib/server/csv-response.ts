// A CSV download response (see csv.ts), with a bad request answered as plain-text 400: the two
// tables not yet declared in export/tables.ts (the kecamatan breakdown and the late work list).
import { isHttpError } from '@sveltejs/kit';
import { availability, METRICS, type Measured, type MetricId } from '$lib/core/metrics';
import { translate, type Lang } from '$lib/i18n';
import { toCsv, type Cell } from './csv';

const headers = (filename: string) => ({
	'Content-Type': 'text/csv; charset=utf-8',
	'Content-Disposition': `attachment; filename="${filename.replace(/[^\w.-]/g, '_')}"`,
	'Cache-Control': 'no-store'
});

export function csvResponse(build: () => Promise<{ filename: string; header: string[]; rows: Cell[][] }>): Promise<Response> {
	return answer(async () => {
		const { filename, header, rows } = await build();
		return new Response(toCsv(header, rows), { headers: headers(filename) });
	});
}

async function answer(respond: () => Promise<Response>): Promise<Response> {
	try {
		return await respond();
	} catch (err) {
		if (isHttpError(err)) {
			return new Response(`${err.body.message}\n`, { status: err.status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
		}
		throw err;
	}
}

const r2 = (v: number | null) => (v === null ? null : Math.round(v * 100) / 100);
const pct = (v: number | null) => (v === null ? null : Math.round(v * 10_000) / 100);

/**
 * A figure of core/metrics.ts as a cell: in its format (a rate as a percentage, days with 2
 * decimals), empty without a value, and "tidak tersedia" / "not available" when no complaint in
 * view has the fields it needs, as on the page.
 */
export function metricCell(id: MetricId, m: Measured, lang: Lang): Cell {
	if (availability(m) === 'absent') return translate(lang, 'metric.absent');
	const f = METRICS[id].format;
	return f === 'pct' ? pct(m.value) : f === 'days' ? r2(m.value) : m.value;
}
