// Rule by rule on small hand-made inputs: fires when it should, stays silent below the threshold,
// and reports the figures that triggered it.
import { describe, expect, it } from 'vitest';
import { i18n } from '$lib/i18n';
import { THRESHOLDS as TH } from './config';
import { baseInputs, MONTH, region } from './fixtures';
import { findings } from './index';
import { backlog } from './rules/backlog';
import { channelMix } from './rules/channel-mix';
import { deadlineBreach } from './rules/deadline';
import { lowReporting } from './rules/low-reporting';
import { recurring } from './rules/recurring';
import { removedUnverified } from './rules/removed';
import { themeSpike } from './rules/theme-spike';

const L = i18n('id');
const E = i18n('en');

it('the base inputs trigger no rule', () => {
	expect(findings(baseInputs(), TH, L)).toEqual([]);
});

describe('deadline_breach', () => {
	it('fires for the area when the 5-day breach share reaches the threshold, with the figures', () => {
		const recs = deadlineBreach(baseInputs({ deadlines: [{ opdType: null, due3: 40, breach3: 4, due5: 40, breach5: 32 }] }), TH, L);
		expect(recs).toHaveLength(1);
		const r = recs[0]!;
		expect(r.key).toBe('deadline_breach:kabkota:11.01');
		expect(r.severity).toBe('tinggi'); // 0.8 >= high5 0.75
		expect(r.evidence[0]!.value).toBe(`32 dari 40 (${L.pct(0.8)})`);
		expect(r.evidence[0]!.href).toBe('/instansi?region=11.01&from=2020-04&to=2020-04');
		expect(r.title).toContain(L.pct(0.8));
	});

	it('stays silent below the share or below the minimum due count', () => {
		const share = Math.floor(TH.deadline_breach.share5 * 100) - 1; // just under
		expect(deadlineBreach(baseInputs({ deadlines: [{ opdType: null, due3: 100, breach3: 0, due5: 100, breach5: share }] }), TH, L)).toEqual(
			[]
		);
		const few = TH.deadline_breach.minDue - 1;
		expect(deadlineBreach(baseInputs({ deadlines: [{ opdType: null, due3: few, breach3: few, due5: few, breach5: few }] }), TH, L)).toEqual(
			[]
		);
	});

	it('flags breaching OPD types, worst first, with links to their pages', () => {
		const recs = deadlineBreach(
			baseInputs({
				deadlines: [
					{ opdType: null, due3: 100, breach3: 10, due5: 100, breach5: 30 },
					{ opdType: 'dinas', due3: 20, breach3: 2, due5: 20, breach5: 12 },
					{ opdType: 'rsud', due3: 10, breach3: 0, due5: 10, breach5: 9 },
					{ opdType: 'kecamatan', due3: 5, breach3: 5, due5: 5, breach5: 5 } // too few due
				]
			}),
			TH,
			E
		);
		expect(recs.map((r) => r.scope)).toEqual([
			{ level: 'opd', code: 'rsud', name: expect.any(String) },
			{ level: 'opd', code: 'dinas', name: expect.any(String) }
		]);
		expect(recs[0]!.severity).toBe('tinggi');
		expect(recs[1]!.severity).toBe('sedang');
		expect(recs[0]!.evidence[0]).toMatchObject({ value: '9 of 10 (90.0%)', href: '/instansi/rsud?region=11.01&from=2020-04&to=2020-04' });
	});
});

describe('backlog', () => {
	it('fires when many complaints older than 60 days are unresolved', () => {
		const recs = backlog(baseInputs({ backlog: { old60: 100, unresolved60: 40, openNow: 50, openBefore: 50 } }), TH, L);
		expect(recs).toHaveLength(1);
		expect(recs[0]!.severity).toBe('sedang');
		expect(recs[0]!.evidence[0]!.value).toBe(`40 dari 100 (${L.pct(0.4)})`);
	});

	it('fires when the open backlog grows, and is high when both hold', () => {
		const rising = backlog(baseInputs({ backlog: { old60: 100, unresolved60: 10, openNow: 90, openBefore: 50 } }), TH, L);
		expect(rising).toHaveLength(1);
		expect(rising[0]!.evidence[1]!.value).toBe('90 dibanding 50');
		const both = backlog(baseInputs({ backlog: { old60: 100, unresolved60: 40, openNow: 90, openBefore: 50 } }), TH, L);
		expect(both[0]!.severity).toBe('tinggi');
	});

	it('stays silent under the thresholds and with too few old complaints', () => {
		expect(backlog(baseInputs({ backlog: { old60: 100, unresolved60: 29, openNow: 60, openBefore: 50 } }), TH, L)).toEqual([]);
		expect(backlog(baseInputs({ backlog: { old60: 10, unresolved60: 10, openNow: 0, openBefore: 0 } }), TH, L)).toEqual([]);
	});
});

describe('low_reporting', () => {
	it('fires for a kab/kota far below its peers (Belitung Timur-like), with the rate and the peer median', () => {
		const inputs = baseInputs();
		inputs.regions = inputs.regions.map((r) => (r.code === '11.01' ? { ...r, n12: 4 } : r)); // 2 per 100k vs 10
		const recs = lowReporting(inputs, TH, L);
		expect(recs).toHaveLength(1);
		expect(recs[0]!.key).toBe('low_reporting:kabkota:11.01');
		expect(recs[0]!.evidence[0]!.value).toBe(`4 (${L.dec1(2)})`);
		expect(recs[0]!.evidence[1]!.value).toBe(L.dec1(10));
		expect(recs[0]!.action).toMatch(/sosialisasi/);
	});

	it('stays silent just above the peer ratio, and when the peers’ rate would give it too few reports to judge', () => {
		const inputs = baseInputs();
		inputs.regions = inputs.regions.map((r) => (r.code === '11.01' ? { ...r, n12: 9 } : r)); // 4.5 vs 10 > 0.4
		expect(lowReporting(inputs, TH, L)).toEqual([]);
		const small = baseInputs();
		// 10 per 100k of 90,000 people = 9 expected < minExpected 10.
		small.regions = small.regions.map((r) => (r.code === '11.01' ? { ...r, population: 90_000, n12: 0 } : r));
		expect(lowReporting(small, TH, L)).toEqual([]);
	});

	it('fires when far behind the annual target pro rata, silent when on track', () => {
		const behind = baseInputs();
		behind.regions = behind.regions.map((r) => (r.code === '11.01' ? { ...r, target: 100, nYtd: 10 } : r)); // April: 33 expected
		const recs = lowReporting(behind, TH, L);
		expect(recs).toHaveLength(1);
		expect(recs[0]!.evidence[2]!.value).toBe(`10 dari 100 (${L.pct(0.1)})`);
		const onTrack = baseInputs();
		onTrack.regions = onTrack.regions.map((r) => (r.code === '11.01' ? { ...r, target: 100, nYtd: 30 } : r));
		expect(lowReporting(onTrack, TH, L)).toEqual([]);
	});

	it('looks at every kab/kota for the nation and at the province and its kab/kota for a province', () => {
		const inputs = baseInputs({ area: { level: 'nasional', code: null, name: 'Nasional' } });
		inputs.regions = inputs.regions.map((r) => (r.code === '11.05' ? { ...r, n12: 1 } : r));
		expect(lowReporting(inputs, TH, L).map((r) => r.scope.code)).toEqual(['11.05']);
		const prov = { ...inputs, area: { level: 'provinsi' as const, code: '11', name: 'Prov. 11' } };
		expect(lowReporting(prov, TH, L).map((r) => r.scope.code)).toEqual(['11.05']);
	});
});

// 26 months of a steady 2 a month, then `last` in the month.
const steady = (last: number) => [...Array(25).fill(2), last];

describe('theme_spike', () => {
	it('fires for a theme far above its usual level in the month, with the bansos action', () => {
		const recs = themeSpike(baseInputs({ themes: [{ theme: 'bansos', regencyCode: '11.01', counts: steady(30) }] }), TH, L);
		expect(recs).toHaveLength(1);
		expect(recs[0]!.key).toBe('theme_spike:topik:bansos');
		expect(recs[0]!.action).toMatch(/DTKS/);
		expect(recs[0]!.evidence[0]!.value).toBe(`30 (biasanya ${L.dec1(2)})`);
		expect(recs[0]!.evidence[1]!.href).toBe(`/wilayah/11.01?from=${MONTH}&to=${MONTH}`);
	});

	it('groups the kab/kota where one theme spikes into one finding', () => {
		const recs = themeSpike(
			baseInputs({
				area: { level: 'nasional', code: null, name: 'Nasional' },
				themes: [
					{ theme: 'bansos', regencyCode: '11.01', counts: steady(30) },
					{ theme: 'bansos', regencyCode: '11.02', counts: steady(40) },
					{ theme: 'bansos', regencyCode: '11.03', counts: steady(3) }
				]
			}),
			TH,
			E
		);
		expect(recs).toHaveLength(1);
		expect(recs[0]!.title).toContain('2 regencies/cities');
		expect(recs[0]!.evidence.slice(1).map((e) => e.label)).toEqual(['Kab. 11.02', 'Kab. 11.01']);
		expect(recs[0]!.evidence[0]!.value).toBe(`70 (usually ${E.dec1(4)})`);
	});

	it('stays silent for a small rise, and when the topic tables are absent', () => {
		expect(themeSpike(baseInputs({ themes: [{ theme: 'bansos', regencyCode: '11.01', counts: steady(6) }] }), TH, L)).toEqual([]);
		expect(themeSpike(baseInputs({ themes: null }), TH, L)).toEqual([]);
	});
});

describe('recurring', () => {
	const series = (theme: number[], total: number[]) => [
		{ theme: 'jalan_rusak', regencyCode: '11.01', counts: [...Array(14).fill(0), ...theme] },
		{ theme: null, regencyCode: '11.01', counts: [...Array(14).fill(0), ...total] }
	];
	it('fires when a theme is a steady, non-falling share month after month', () => {
		const recs = recurring(baseInputs({ themes: series(Array(12).fill(5), Array(12).fill(20)) }), TH, L);
		expect(recs).toHaveLength(1);
		expect(recs[0]!.scope).toEqual({ level: 'kabkota', code: '11.01', name: 'Kab. 11.01' });
		expect(recs[0]!.evidence[0]!.value).toBe(L.pct(0.25));
		expect(recs[0]!.title).toContain('12 dari 12');
	});

	it('stays silent when the share falls, when months are missing, or when the share is small', () => {
		const falling = [8, 8, 8, 6, 6, 6, 5, 5, 5, 3, 3, 3];
		expect(recurring(baseInputs({ themes: series(falling, Array(12).fill(20)) }), TH, L)).toEqual([]);
		const gaps = [5, 0, 5, 0, 5, 0, 5, 0, 5, 0, 5, 5];
		expect(recurring(baseInputs({ themes: series(gaps, Array(12).fill(20)) }), TH, L)).toEqual([]);
		expect(recurring(baseInputs({ themes: series(Array(12).fill(3), Array(12).fill(100)) }), TH, L)).toEqual([]);
	});
});

describe('channel_mix', () => {
	const channels = (mineWeb: number, mineWa: number) => [
		{ code: '11.01', channel: 'web', n: mineWeb },
		{ code: '11.01', channel: 'whatsapp', n: mineWa },
		...['11.02', '11.03', '11.04'].flatMap((code) => [
			{ code, channel: 'web', n: 100 },
			{ code, channel: 'whatsapp', n: 100 }
		])
	];
	it('fires for a channel share far from the peers, with both shares', () => {
		const recs = channelMix(baseInputs({ channels: channels(190, 10) }), TH, E);
		expect(recs).toHaveLength(1);
		// Peers: all kab/kota incl. 11.01 → web 490/800.
		expect(recs[0]!.evidence.map((e) => e.value)).toEqual([E.pct(0.95), E.pct(490 / 800)]);
		expect(recs[0]!.severity).toBe('rendah');
	});

	it('stays silent for a mix close to the peers and for too few complaints', () => {
		expect(channelMix(baseInputs({ channels: channels(120, 80) }), TH, E)).toEqual([]);
		expect(channelMix(baseInputs({ channels: channels(50, 0) }), TH, E)).toEqual([]);
	});
});

describe('removed_unverified', () => {
	const withRemoved = (removed: number, n12 = 100) => {
		const inputs = baseInputs();
		inputs.regions = inputs.regions.map((r) => (r.code === '11.01' ? { ...r, n12, removedUnverified: removed } : r));
		return inputs;
	};
	it('fires when many reports are deleted/archived unverified, above the peers', () => {
		const recs = removedUnverified(withRemoved(40), TH, L);
		expect(recs).toHaveLength(1);
		expect(recs[0]!.severity).toBe('tinggi');
		expect(recs[0]!.evidence[0]).toMatchObject({
			value: `40 dari 100 (${L.pct(0.4)})`,
			href: `/aduan?region=11.01&from=2019-05&to=2020-04&status=dihapus`
		});
		// Peers: 40 removed of 100 + 8 × 20 = 260 complaints.
		expect(recs[0]!.evidence[1]!.value).toBe(L.pct(40 / 260));
	});

	it('stays silent below the share, near the peers, or with few complaints', () => {
		expect(removedUnverified(withRemoved(19), TH, L)).toEqual([]);
		expect(removedUnverified(withRemoved(30, 40), TH, L)).toEqual([]);
		const allHigh = withRemoved(25);
		allHigh.regions = allHigh.regions.map((r) => ({ ...r, removedUnverified: Math.round(r.n12 * 0.2) }));
		expect(removedUnverified(allHigh, TH, L)).toEqual([]);
	});

	it('uses the province peers for a province', () => {
		const inputs = baseInputs({ area: { level: 'provinsi', code: '11', name: 'Prov. 11' } });
		inputs.regions = [...inputs.regions, region('12', { level: 'provinsi', n12: 1000 })].map((r) =>
			r.code === '11' ? { ...r, removedUnverified: 100 } : r
		);
		expect(removedUnverified(inputs, TH, L).map((r) => r.key)).toEqual(['removed_unverified:provinsi:11']);
	});
});
