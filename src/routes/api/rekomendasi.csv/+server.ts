// /rekomendasi as CSV: one row per evidence figure of each ranked recommendation (the
// recommendation's columns repeated), so every figure and its link survive the download.
import { csvResponse } from '$lib/server/csv-response';
import { recommendationsFor } from '$lib/server/recommendations';
import type { Cell } from '$lib/server/csv';
import { recommendationParams } from '../../rekomendasi/params';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) =>
	csvResponse(async () => {
		const { lang, area, month } = await recommendationParams(event);
		const recs = month ? await recommendationsFor(area, month, lang) : [];
		const rows: Cell[][] = recs.flatMap((r, i) => {
			const base = [i + 1, r.rule, r.severity, r.score, r.scope.level, r.scope.code, r.scope.name, r.title, r.action];
			return r.evidence.length ? r.evidence.map((e) => [...base, e.label, e.value, e.href ?? null]) : [[...base, null, null, null]];
		});
		return {
			filename: `telaah-rekomendasi_${month ?? 'none'}${area.level === 'nasional' ? '' : `_${area.code}`}.csv`,
			header: [
				'rank',
				'rule',
				'severity',
				'score',
				'scope_level',
				'scope_code',
				'scope_name',
				'title',
				'action',
				'evidence_label',
				'evidence_value',
				'evidence_link'
			],
			rows
		};
	});
