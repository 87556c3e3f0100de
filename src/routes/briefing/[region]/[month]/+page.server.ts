// The monthly briefing of one area (nation, province or kab/kota): a print-designed page that
// `npm run briefing` and /api/briefing/[region]/[month].pdf print to A4 PDF. Every figure comes
// from the dashboard's query modules (overview, regions, agencies) or the briefing's own topic
// queries; no complaint text of any kind is loaded, so none can reach the paper.
import { rankBy, windowAround } from '$lib/core/briefing';
import { areaOf } from '$lib/core/vocab';
import { i18n } from '$lib/i18n';
import { opdLabel } from '$lib/labels';
import { Lru, memo } from '$lib/server/cache';
import { requestLang } from '$lib/server/lang';
import { trendChart } from '$lib/server/plot';
import { agencyLeague } from '$lib/server/queries/agencies';
import { warehouseAsOfEvent } from '$lib/server/queries/asof';
import { briefingScopeOr4xx, monthSpikes, monthThemes, monthTopics } from '$lib/server/queries/briefing';
import { regionByCode } from '$lib/server/queries/options';
import { monthAfter, shiftMonth } from '$lib/core/month';
import { EMPTY_CARD, monthly, periodCards, type CardValues } from '$lib/server/queries/overview';
import { availability, type MetricId } from '$lib/core/metrics';
import { regionRanking, type RegionRow } from '$lib/server/queries/regions';
import { recommendationsFor } from '$lib/server/recommendations';
import type { SafeSvg } from '$lib/svg';
import type { PageServerLoad } from './$types';

// Paper needs no client-side JavaScript; the page is complete as served.
export const csr = false;

const charts = new Lru<Promise<SafeSvg>>(200);
const AGENCY_ROWS = 10;
const PEER_ROWS = 9;
// What fits the paper next to everything else; the engine ranks and de-duplicates them.
const RECOMMENDATIONS = 5;

/** The briefing's KPI rows that are core/metrics.ts figures (the others: total and per 100k). */
const KPI_METRICS = [
	'followUpRate',
	'completionRate',
	'medianResponseDays',
	'breach3Rate',
	'breach5Rate',
	'backlog'
] as const satisfies readonly MetricId[];

export const load: PageServerLoad = async (event) => {
	const lang = requestLang(event);
	const L = i18n(lang);
	const { region, month, facts } = await briefingScopeOr4xx(event.params.region, event.params.month, lang);
	const regionParam = event.params.region;
	const code = region?.code ?? null;
	const area = areaOf(code);

	const prev = shiftMonth(month, -1);
	const yoy = shiftMonth(month, -12);
	const trendFrom = shiftMonth(month, -23);
	const one = { region: code, from: month, to: month };
	const [cards, trend, agencies, regencies, provinces, themes, topics, spikes, province, asOfEvent, recommendations] = await Promise.all([
		// One query: every month from a year ago to this one (the month, last month, last year).
		periodCards({ region: code, from: yoy, to: month }),
		monthly({ region: code, from: trendFrom, to: month }),
		agencyLeague(one, 'n'),
		area.level === 'regency' ? regionRanking({ from: month, to: month }, 'regency', 'code') : Promise.resolve([]),
		regionRanking({ from: month, to: month }, 'province', 'code'),
		monthThemes(code, month, lang),
		monthTopics(code, month),
		monthSpikes(code, month, lang),
		region && region.level === 'regency' ? regionByCode(region.province_code) : Promise.resolve(undefined),
		warehouseAsOfEvent(),
		recommendationsFor(area, month, lang, RECOMMENDATIONS)
	]);

	// Of the covered regions only (core/coverage.ts): an uncovered area has no per-capita figure.
	const self = (area.level === 'regency' ? regencies : provinces).find((r) => r.code === code);
	const population =
		area.level === 'national' ? provinces.reduce((s, r) => s + (r.population ?? 0), 0) || null : (self?.population ?? null);
	const at = (m: string): CardValues | null => cards.months.get(m) ?? null;
	const kpi = (m: string) => {
		const c = at(m) ?? EMPTY_CARD;
		return {
			total: c.total,
			per100k: population ? (c.total / population) * 100_000 : null,
			...(Object.fromEntries(KPI_METRICS.map((id) => [id, c[id]])) as Pick<CardValues, (typeof KPI_METRICS)[number]>)
		};
	};

	const per100k = (r: RegionRow) => r.per100k;
	const peerRow = ({ row, rank }: { row: RegionRow; rank: number | null }) => ({
		code: row.code,
		name: row.name,
		rank,
		n: row.n,
		per100k: row.per100k,
		followUpRate: row.followUpRate,
		breach5Rate: row.breach5Rate,
		self: row.code === code
	});
	let peers: {
		rows: ReturnType<typeof peerRow>[];
		gapAfter: number | null;
		rank: number | null;
		of: number;
		band: { band: number; rank: number | null; of: number } | null;
	};
	if (area.level === 'national') {
		const ranked = rankBy(provinces, per100k).filter((r) => r.rank !== null);
		const top = ranked.slice(0, 5);
		const bottom = ranked.length > 10 ? ranked.slice(-5) : ranked.slice(5);
		peers = {
			rows: [...top, ...bottom].map(peerRow),
			gapAfter: ranked.length > 10 ? 5 : null,
			rank: null,
			of: provinces.length,
			band: null
		};
	} else {
		const level = (area.level === 'regency' ? regencies : provinces).filter((r) => r.covered);
		const mine = self!;
		const group = area.level === 'regency' ? level.filter((r) => r.province_code === mine.province_code) : level;
		const ranked = rankBy(group, per100k);
		const bandRanked =
			mine.band === null
				? []
				: rankBy(
						level.filter((r) => r.band === mine.band),
						per100k
					);
		peers = {
			rows: windowAround(ranked, mine.code, PEER_ROWS).map(peerRow),
			gapAfter: null,
			rank: ranked.find((r) => r.row.code === code)?.rank ?? null,
			of: group.length,
			band:
				mine.band === null
					? null
					: { band: mine.band, rank: bandRanked.find((r) => r.row.code === code)?.rank ?? null, of: bandRanked.length }
		};
	}

	// Figures the data cannot give (core/metrics.ts): said once at the foot of the paper.
	const leftOut = KPI_METRICS.filter((id) => availability(kpi(month)[id]) === 'absent');
	const months = trend.map((m) => m.month);
	const chart = await memo(charts, `${lang}|${code}|${month}`, async () => trendChart(trend, L, { width: 720, height: 210 }));
	const monthTotal = at(month)?.total ?? 0;
	const areaName = region ? region.short_name : L.t('briefing.nationLong');

	return {
		lang,
		// The root layout leaves out its header, filter bar and footer: this page is for paper.
		bare: true,
		area,
		code: regionParam,
		month,
		areaName,
		province: province ? { code: province.code, name: province.short_name } : null,
		population,
		compare: { prev, yoy },
		kpis: { now: kpi(month), prev: kpi(prev), yoy: kpi(yoy) },
		chart,
		months: trend,
		trendSpan: months.length ? { from: months[0]!, to: months[months.length - 1]! } : null,
		peers,
		agencies: {
			total: agencies.length,
			rows: agencies.slice(0, AGENCY_ROWS).map((a) => ({
				name: a.agency ? a.agency : opdLabel(lang, a.opd_type),
				type: a.agency ? opdLabel(lang, a.opd_type) : null,
				n: a.n,
				responseMedian: a.medianResponseDays,
				breach3Rate: a.breach3Rate,
				breach5Rate: a.breach5Rate,
				unresolved60Rate: a.unresolved60Rate
			}))
		},
		monthTotal,
		// null: the warehouse has no topic model (npm run topics).
		themes: themes?.slice(0, 8) ?? null,
		topics,
		spikes,
		recommendations,
		dataDates: { until: asOfEvent, first: facts.first_month, last: facts.last_month, loaded: facts.loaded_at },
		// The warehouse keeps each complaint's current status, not its history: for a past month the
		// completion, backlog and "belum tuntas" figures are as of the data's last date, and say so.
		statusAsOf: asOfEvent && asOfEvent >= `${monthAfter(month)}-01` && !leftOut.includes('completionRate') ? asOfEvent : null,
		leftOut,
		generated: new Date().toISOString().slice(0, 10)
	};
};
