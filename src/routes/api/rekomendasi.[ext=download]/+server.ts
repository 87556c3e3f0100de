// /rekomendasi: one row per evidence figure of each ranked recommendation (the recommendation's
// columns repeated), so every figure and its link survive the download.
import { download } from '$lib/server/export/download';
import { recommendationTable, type RecommendationLine } from '$lib/server/export/tables';
import { recommendationsFor } from '$lib/server/recommendations';
import { recommendationParams } from '../../rekomendasi/params';

export const GET = download(recommendationTable, async (event) => {
	const { lang, filters, area, month } = await recommendationParams(event);
	const recs = month ? await recommendationsFor(area, month, lang) : [];
	const rows = recs.flatMap((rec, i): RecommendationLine[] =>
		rec.evidence.length ? rec.evidence.map((evidence) => ({ rank: i + 1, rec, evidence })) : [{ rank: i + 1, rec, evidence: null }]
	);
	return {
		filename: `${recommendationTable.name}_${month ?? 'none'}${area.level === 'national' ? '' : `_${area.code}`}`,
		filters,
		params: { month },
		rows
	};
});
