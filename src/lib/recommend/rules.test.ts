// Rule by rule on small hand-made inputs: fires when it should, stays silent below the threshold,
// and reports the figures that triggered it.
import { describe, expect, it } from 'vitest';
import { i18n } from '$lib/i18n';
import { THRESHOLDS as TH } from './config';
import { monthsBetween } from '../core/month';
import { baseInputs, MONTH, region } from './fixtures';
import { findings } from './index';
import { rank } from './rank';
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
		const recs = deadlineBreach(
			baseInputs({ deadlines: [{ opdType: null, authority: null, due3: 40, breach3: 4, due5: 40, breach5: 32 }] }),
			TH,
			L
		);
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
		expect(
			deadlineBreach(
				baseInputs({ deadlines: [{ opdType: null, authority: null, due3: 100, breach3: 0, due5: 100, breach5: share }] }),
				TH,
				L
			)
		).toEqual([]);
		const few = TH.deadline_breach.minDue - 1;
		expect(
			deadlineBreach(
				baseInputs({ deadlines: [{ opdType: null, authority: null, due3: few, breach3: few, due5: few, breach5: few }] }),
				TH,
				L
			)
		).toEqual([]);
	});

	it('flags breaching OPD types, worst first, with links to their pages', () => {
		const recs = deadlineBreach(
			baseInputs({
				deadlines: [
					{ opdType: null, authority: null, due3: 100, breach3: 10, due5: 100, breach5: 30 },
					{ opdType: 'dinsos', authority: 'pemda', due3: 20, breach3: 2, due5: 20, breach5: 12 },
					{ opdType: 'rsud', authority: 'pemda', due3: 10, breach3: 0, due5: 10, breach5: 9 },
					{ opdType: 'kecamatan', authority: 'pemda', due3: 5, breach3: 5, due5: 5, breach5: 5 } // too few due
				]
			}),
			TH,
			E
		);
		expect(recs.map((r) => r.scope)).toEqual([
			{ level: 'opd', code: 'rsud', name: 'Hospitals & clinics' },
			{ level: 'opd', code: 'dinsos', name: 'Social affairs' }
		]);
		expect(recs[0]!.severity).toBe('tinggi');
		expect(recs[1]!.severity).toBe('sedang');
		expect(recs[0]!.evidence[0]).toMatchObject({ value: '9 of 10 (90.0%)', href: '/instansi/rsud?region=11.01&from=2020-04&to=2020-04' });
	});

	it('never names a catch-all as the actor: OPD type "lainnya", an unrecognised or an unrecorded agency', () => {
		const inputs = baseInputs({
			deadlines: [
				{ opdType: null, authority: null, due3: 100, breach3: 10, due5: 100, breach5: 60 },
				{ opdType: 'lainnya', authority: 'pemda', due3: 10, breach3: 7, due5: 9, breach5: 8 },
				{ opdType: 'lainnya', authority: 'lainnya', due3: 30, breach3: 30, due5: 30, breach5: 30 },
				{ opdType: 'pupr', authority: 'lainnya', due3: 30, breach3: 30, due5: 30, breach5: 30 },
				{ opdType: 'lainnya', authority: null, due3: 30, breach3: 30, due5: 30, breach5: 30 },
				{ opdType: 'dinkes', authority: 'pemda', due3: 20, breach3: 2, due5: 20, breach5: 11 }
			]
		});
		const recs = deadlineBreach(inputs, TH, L);
		expect(recs.map((r) => r.key)).toEqual(['deadline_breach:kabkota:11.01', 'deadline_breach:opd:dinkes']);
		// The area's finding points at the worst named OPD only.
		expect(recs[0]!.evidence.slice(2).map((e) => e.label)).toEqual(['Dinas Kesehatan: lewat tenggat 5 HK']);
		for (const r of recs)
			expect(`${r.title} ${r.action} ${r.evidence.map((e) => e.label).join(' ')}`).not.toMatch(/Lainnya|Belum dikenali/);
	});

	it('asks the Pemda’s own OPDs to act first and turns agencies outside its authority into coordination, lower', () => {
		const deadlines = [
			{ opdType: null, authority: null, due3: 200, breach3: 20, due5: 200, breach5: 80 },
			{ opdType: 'kementerian', authority: 'kementerian', due3: 21, breach3: 2, due5: 14, breach5: 12 }, // 86 %: Tinggi before
			{ opdType: 'disdik', authority: 'pemprov', due3: 20, breach3: 2, due5: 20, breach5: 18 },
			{ opdType: 'disdik', authority: 'pemda', due3: 10, breach3: 0, due5: 10, breach5: 2 },
			{ opdType: 'bumn', authority: 'bumn', due3: 20, breach3: 2, due5: 20, breach5: 17 },
			{ opdType: 'dinsos', authority: 'pemda', due3: 40, breach3: 4, due5: 40, breach5: 24 } // 60 %: Sedang
		] as const;
		const kab = baseInputs({ deadlines: [...deadlines] });
		const ranked = rank(findings(kab, TH, L), TH);
		const opd = ranked.filter((r) => r.scope.level === 'opd');
		expect(opd.map((r) => [r.scope.code, r.severity])).toEqual([
			['dinsos', 'sedang'],
			['disdik@pemprov', 'rendah']
		]);
		expect(ranked.map((r) => r.key).indexOf('deadline_breach:opd:dinsos')).toBeLessThan(
			ranked.map((r) => r.key).indexOf('deadline_breach:opd:disdik@pemprov')
		);
		const all = deadlineBreach(kab, TH, L);
		const coord = all.filter((r) => r.severity === 'rendah');
		expect(coord.map((r) => r.scope.code)).toEqual(['disdik@pemprov', 'kementerian@kementerian']);
		expect(coord[0]!.scope.name).toBe('Dinas Pendidikan (Pemerintah provinsi)');
		expect(coord[0]!.action).toMatch(/^Di luar kewenangan Pemda ini: koordinasikan dengan Dinas Pendidikan \(Pemerintah provinsi\)/);
		expect(coord[0]!.evidence[0]!.href).toBe('/instansi/disdik?region=11.01&from=2020-04&to=2020-04');
		expect(all.find((r) => r.scope.code === 'dinsos')!.action).toMatch(/^Minta Dinas Sosial menunjuk admin/);
		// When the whole area breaches, its evidence names its own OPD first.
		const area = deadlineBreach(baseInputs({ deadlines: [{ ...deadlines[0], breach5: 120 }, ...deadlines.slice(1)] }), TH, L)[0]!;
		expect(area.scope.level).toBe('regency');
		expect(area.evidence.slice(2).map((e) => e.label)).toEqual([
			'Dinas Sosial: lewat tenggat 5 HK',
			'Dinas Pendidikan (Pemerintah provinsi): lewat tenggat 5 HK'
		]);
		// For a province, its own offices and its kab/kota's are its to act on, counted together (20 of 30
		// for Dinas Pendidikan); for the nation, ministries and BUMN are too.
		const prov = deadlineBreach(
			baseInputs({ area: { level: 'province', code: '11', name: 'Prov. 11' }, deadlines: [...deadlines] }),
			TH,
			L
		);
		expect(prov.filter((r) => r.scope.level === 'opd').map((r) => [r.scope.code, r.severity, r.evidence[0]!.value])).toEqual([
			['disdik', 'sedang', `20 dari 30 (${L.pct(2 / 3)})`],
			['dinsos', 'sedang', `24 dari 40 (${L.pct(0.6)})`],
			['kementerian@kementerian', 'rendah', `12 dari 14 (${L.pct(12 / 14)})`]
		]);
		const nation = deadlineBreach(
			baseInputs({ area: { level: 'national', code: null, name: 'Nasional' }, deadlines: [...deadlines] }),
			TH,
			E
		);
		expect(nation.filter((r) => r.scope.level === 'opd').map((r) => [r.scope.code, r.severity])).toEqual([
			['kementerian', 'tinggi'],
			['bumn', 'tinggi'],
			['disdik', 'sedang']
		]);
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
		const inputs = baseInputs({ area: { level: 'national', code: null, name: 'Nasional' } });
		inputs.regions = inputs.regions.map((r) => (r.code === '11.05' ? { ...r, n12: 1 } : r));
		expect(lowReporting(inputs, TH, L).map((r) => r.scope.code)).toEqual(['11.05']);
		const prov = { ...inputs, area: { level: 'province' as const, code: '11', name: 'Prov. 11' } };
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
				area: { level: 'national', code: null, name: 'Nasional' },
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

	it('ranks spikes by size and significance together: the bansos surge before a 26-on-1 blip', () => {
		// Kab. Tangerang, June 2020 on the 300k sample: bansos 322 on a usual 2, KTP-el 26 on a usual 1.
		const inputs = baseInputs({
			themes: [
				{ theme: 'adminduk', regencyCode: '11.01', counts: [...Array(25).fill(1), 26] },
				{ theme: 'bansos', regencyCode: '11.01', counts: steady(322) }
			]
		});
		const recs = themeSpike(inputs, TH, L);
		expect(recs.map((r) => [r.scope.code, r.severity])).toEqual([
			['adminduk', 'sedang'], // many times the usual, but only 25 more complaints
			['bansos', 'tinggi']
		]);
		expect(rank(recs, TH).map((r) => r.scope.code)).toEqual(['bansos', 'adminduk']);
		// Within one severity the larger, more surprising rise still comes first.
		const both = themeSpike(
			baseInputs({
				themes: [
					{ theme: 'adminduk', regencyCode: '11.01', counts: [...Array(25).fill(1), 60] },
					{ theme: 'bansos', regencyCode: '11.01', counts: steady(322) }
				]
			}),
			TH,
			L
		);
		expect(both.map((r) => r.severity)).toEqual(['tinggi', 'tinggi']);
		expect(rank(both, TH).map((r) => r.scope.code)).toEqual(['bansos', 'adminduk']);
	});

	describe('a rise that comes every year in the same month (PPDB in June)', () => {
		// May 2018 – June 2020: 5 a month, June 40 (2018) and 45 (2019).
		const june = (now: number) => Array.from({ length: 26 }, (_, i) => (i === 1 ? 40 : i === 13 ? 45 : i === 25 ? now : 5));
		const at = (counts: number[], lang = L) =>
			themeSpike(
				baseInputs({
					month: '2020-06',
					months: monthsBetween('2018-05', '2020-06'),
					themes: [{ theme: 'ppdb', regencyCode: '11.01', counts }]
				}),
				TH,
				lang
			);

		it('is labelled seasonal, compared with June of the earlier years, and is no alarm within them', () => {
			const [r, ...rest] = at(june(44));
			expect(rest).toEqual([]);
			expect(r!.severity).toBe('rendah');
			expect(r!.title).toBe(
				'Kenaikan musiman aduan PPDB (penerimaan peserta didik baru) di Kab. 11.01 pada Juni 2020, seperti setiap Juni'
			);
			expect(r!.action).toMatch(/bukan tanda bahaya/);
			expect(r!.evidence[0]!.value).toBe(`44 (biasanya ${L.dec1(45)})`);
			expect(r!.evidence.at(-1)).toMatchObject({ label: 'Juni tahun-tahun sebelumnya (terbaru dulu)', value: '45 · 40' });
			expect(at(june(44), E)[0]!.title).toBe(
				'Seasonal rise in School admissions (PPDB) complaints in Kab. 11.01 in June 2020, as every June'
			);
		});

		it('is an alarm again when it goes well beyond the earlier years’ June', () => {
			const [r] = at(june(90));
			expect(r!.severity).toBe('sedang');
			expect(r!.title).toMatch(/melampaui Juni tahun-tahun sebelumnya/);
			expect(r!.evidence[0]!.value).toBe(`90 (biasanya ${L.dec1(45)})`);
		});

		it('is a spike, not seasonal, when earlier Junes were ordinary months', () => {
			const once = Array.from({ length: 26 }, (_, i) => (i === 25 ? 44 : 5));
			const [r] = at(once);
			expect(r!.severity).toBe('sedang');
			expect(r!.title).toBe('Lonjakan aduan PPDB (penerimaan peserta didik baru) di Kab. 11.01 pada Juni 2020');
			expect(r!.evidence[0]!.value).toBe(`44 (biasanya ${L.dec1(5)})`);
		});
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
		expect(recs[0]!.scope).toEqual({ level: 'regency', code: '11.01', name: 'Kab. 11.01' });
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
		const inputs = baseInputs({ area: { level: 'province', code: '11', name: 'Prov. 11' } });
		inputs.regions = [...inputs.regions, region('12', { level: 'province', n12: 1000 })].map((r) =>
			r.code === '11' ? { ...r, removedUnverified: 100 } : r
		);
		expect(removedUnverified(inputs, TH, L).map((r) => r.key)).toEqual(['removed_unverified:provinsi:11']);
	});
});
