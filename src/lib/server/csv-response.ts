// A CSV download response (see csv.ts), with a bad request answered as plain-text 400.
import { isHttpError } from '@sveltejs/kit';
import { toCsv, type Cell } from './csv';

export async function csvResponse(build: () => Promise<{ filename: string; header: string[]; rows: Cell[][] }>): Promise<Response> {
	try {
		const { filename, header, rows } = await build();
		return new Response(toCsv(header, rows), {
			headers: {
				'Content-Type': 'text/csv; charset=utf-8',
				'Content-Disposition': `attachment; filename="${filename.replace(/[^\w.\-]/g, '_')}"`,
				'Cache-Control': 'no-store'
			}
		});
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
