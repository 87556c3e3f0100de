// A CSV download response (see csv.ts), with a bad request answered as plain-text 400.
import { isHttpError } from '@sveltejs/kit';
import { availability, METRICS, type Measured, type MetricId } from '$lib/core/metrics';
import { translate, type Lang } from '$lib/i18n';
import { CSV_BOM, csvLine, toCsv, type Cell } from './csv';

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

/**
 * A CSV download written while its rows are read (batches from queryStream in db.ts): memory
 * stays flat and the first bytes leave before the query has finished. Bad parameters are still
 * a 400, because `build` checks them before the stream starts.
 */
export function csvStreamResponse(
	build: () => Promise<{ filename: string; header: string[]; batches: AsyncIterable<Cell[][]> }>
): Promise<Response> {
	return answer(async () => {
		const { filename, header, batches } = await build();
		const it = batches[Symbol.asyncIterator]();
		const encoder = new TextEncoder();
		let first = true;
		const body = new ReadableStream<Uint8Array>({
			async pull(controller) {
				const head = first ? CSV_BOM + csvLine(header) : '';
				first = false;
				const next = await it.next();
				if (next.done) {
					if (head) controller.enqueue(encoder.encode(head));
					controller.close();
				} else controller.enqueue(encoder.encode(head + next.value.map(csvLine).join('')));
			},
			async cancel() {
				await it.return?.();
			}
		});
		return new Response(body, { headers: headers(filename) });
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

/** CSV number formats shared by the downloads: 2 decimals, and a rate (0..1) as a percentage. */
export const r2 = (v: number | null) => (v === null ? null : Math.round(v * 100) / 100);
export const pct = (v: number | null) => (v === null ? null : Math.round(v * 10_000) / 100);

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
