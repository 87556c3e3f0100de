import { beforeAll, describe, expect, it } from 'vitest';
import {
	BANSOS_SURGE_REGIONS,
	BELTIM_CODE,
	COVID_BANSOS,
	COVID_TOTAL,
	DEFAULT_ROWS,
	DEFAULT_SEED,
	HIGH_PARTICIPATION_PROVINCES,
	scaleCount,
	TANGERANG_CODE,
	TANGSEL_CODE,
	TANGSEL_FOLLOWUP_RATE
} from './anchors';
import { SAMPLE_HEADERS, toCsvLine } from './csv';
import { generateComplaints, type SampleRow } from './generate';
import type { RegionRef } from './regions';
import { loadReference, locationResolver, median, TIMESTAMP, toSeconds } from './test-support';

const FOLLOWED = new Set(['ditindaklanjuti', 'ditanggapi_pelapor', 'selesai']);
const inRange = (d: string, from: string, to: string) => d >= from && d <= to;

let refs: RegionRef[];
beforeAll(() => {
	refs = loadReference();
	// Fail loudly when the reference data is missing instead of generating from nothing.
	expect(refs).toHaveLength(514);
});

/** Everything the anchor tests count, gathered in one pass so 300k rows are never held. */
interface Tally {
	rows: number;
	covidInWindow: number;
	bansosInWindow: number;
	covidBefore: number;
	tangerangPilot: number;
	tangerangH1: number;
	tangerang2023: number;
	beltim: Record<string, number>;
	tangselAfterLaunch: number;
	tangselFollowed: number;
	tangselLagByOpd: Map<string, number[]>;
	regions: Map<string, number>;
	year: Map<string, { n: number; deleted: number; closed: number; followed: number; nonCovid: number }>;
	bansosByRegionMonth: Map<string, Map<string, number>>;
	topCategories: Map<string, number>;
	nonCovid: number;
}

function tally(rows: number, seed = DEFAULT_SEED): Tally {
	const t: Tally = {
		rows: 0,
		covidInWindow: 0,
		bansosInWindow: 0,
		covidBefore: 0,
		tangerangPilot: 0,
		tangerangH1: 0,
		tangerang2023: 0,
		beltim: {},
		tangselAfterLaunch: 0,
		tangselFollowed: 0,
		tangselLagByOpd: new Map(),
		regions: new Map(),
		year: new Map(),
		bansosByRegionMonth: new Map(),
		topCategories: new Map(),
		nonCovid: 0
	};
	for (const r of generateComplaints({ rows, seed, regions: refs })) {
		t.rows++;
		const day = r['Tanggal Laporan'].slice(0, 10);
		const year = day.slice(0, 4);
		const code = r.meta.regionCode;
		t.regions.set(code, (t.regions.get(code) ?? 0) + 1);
		const covid = r.Kategori.startsWith('Corona Virus');
		const bansos = r.Kategori.startsWith('Corona Virus > Bantuan Sosial');
		if (covid && inRange(day, '2020-03-01', '2021-01-31')) {
			t.covidInWindow++;
			if (bansos) t.bansosInWindow++;
		}
		if (covid && day < '2020-03-01') t.covidBefore++;
		if (code === TANGERANG_CODE) {
			if (inRange(day, '2018-09-01', '2021-03-23')) t.tangerangPilot++;
			if (inRange(day, '2023-01-01', '2023-06-30')) t.tangerangH1++;
			if (year === '2023') t.tangerang2023++;
		}
		if (code === BELTIM_CODE) t.beltim[year] = (t.beltim[year] ?? 0) + 1;
		if (code === TANGSEL_CODE && day >= '2022-10-27') {
			t.tangselAfterLaunch++;
			const followed = r['Tanggal Tindak Lanjut'] !== '' && FOLLOWED.has(r.meta.status);
			if (followed) {
				t.tangselFollowed++;
				const lag = (toSeconds(r['Tanggal Tindak Lanjut']) - toSeconds(r['Tanggal Laporan'])) / 86400;
				t.tangselLagByOpd.set(r.meta.opdType, [...(t.tangselLagByOpd.get(r.meta.opdType) ?? []), lag]);
			}
		}
		const y = t.year.get(year) ?? { n: 0, deleted: 0, closed: 0, followed: 0, nonCovid: 0 };
		y.n++;
		if (r.meta.status === 'dihapus') y.deleted++;
		if (r.meta.status === 'selesai') y.closed++;
		if (r['Tanggal Tindak Lanjut'] !== '') y.followed++;
		if (!covid) y.nonCovid++;
		t.year.set(year, y);
		if (r.Kategori.includes('Bantuan Sosial')) {
			const m = t.bansosByRegionMonth.get(code) ?? new Map<string, number>();
			m.set(day.slice(0, 7), (m.get(day.slice(0, 7)) ?? 0) + 1);
			t.bansosByRegionMonth.set(code, m);
		}
		if (!covid) {
			t.nonCovid++;
			const top = r.Kategori.split(' > ')[0]!;
			t.topCategories.set(top, (t.topCategories.get(top) ?? 0) + 1);
		}
	}
	return t;
}

describe('calibration at the default size (300,000 rows)', () => {
	let t: Tally;
	beforeAll(() => {
		t = tally(DEFAULT_ROWS);
	}, 120_000);

	it('produces exactly the requested number of rows', () => {
		expect(t.rows).toBe(300_000);
	});

	it('hits the COVID anchors exactly, with bansos the largest topic and none before March 2020', () => {
		expect(t.covidInWindow).toBe(40_939);
		expect(t.bansosInWindow).toBe(22_747);
		expect(t.bansosInWindow * 2).toBeGreaterThan(t.covidInWindow);
		expect(t.covidBefore).toBe(0);
	});

	it('hits the Kab. Tangerang anchors', () => {
		expect(t.tangerangPilot).toBe(3_171);
		expect(t.tangerangH1).toBe(1_200);
		expect(t.tangerang2023).toBeGreaterThanOrEqual(2_300);
		expect(t.tangerang2023).toBeLessThan(3_000);
	});

	it('keeps Belitung Timur quiet: 18 reports in 2018-2020, 4 of them in 2019, a handful later', () => {
		expect((t.beltim['2018'] ?? 0) + (t.beltim['2019'] ?? 0) + (t.beltim['2020'] ?? 0)).toBe(18);
		expect(t.beltim['2019']).toBe(4);
		for (const y of ['2021', '2022', '2023', '2024']) {
			expect(t.beltim[y]).toBeGreaterThan(0);
			expect(t.beltim[y]).toBeLessThanOrEqual(10);
		}
	});

	it('follows up 99.43% of Tangsel complaints from its launch, Dukcapil fastest', () => {
		expect((100 * t.tangselFollowed) / t.tangselAfterLaunch).toBeCloseTo(99.43, 2);
		const medians = [...t.tangselLagByOpd].filter(([, lags]) => lags.length >= 10).map(([opd, lags]) => [opd, median(lags)] as const);
		const dukcapil = medians.find(([opd]) => opd === 'disdukcapil');
		expect(dukcapil).toBeDefined();
		for (const [opd, m] of medians) if (opd !== 'disdukcapil') expect(dukcapil![1]).toBeLessThan(m);
	});

	it('gives every kab/kota at least one complaint', () => {
		expect(t.regions.size).toBe(514);
		for (const ref of refs) expect(t.regions.get(ref.code) ?? 0).toBeGreaterThan(0);
	});

	it('hits the yearly outcome anchors: 2018 deletions, 2020 completion, 2023 follow-up', () => {
		const share = (year: string, k: 'deleted' | 'closed' | 'followed') => (100 * t.year.get(year)![k]) / t.year.get(year)!.n;
		expect(share('2018', 'deleted')).toBeCloseTo(42.58, 1);
		expect(share('2020', 'closed')).toBeCloseTo(69.78, 1);
		expect(share('2023', 'followed')).toBeCloseTo(81.54, 1);
		// deletions fall after 2018
		for (const y of ['2019', '2020', '2021', '2022', '2023', '2024']) expect(share(y, 'deleted')).toBeLessThan(share('2018', 'deleted'));
	});

	it('grows ordinary (non-COVID) volume every year', () => {
		const years = ['2018', '2019', '2020', '2021', '2022', '2023', '2024'];
		for (let i = 1; i < years.length; i++) expect(t.year.get(years[i]!)!.nonCovid).toBeGreaterThan(t.year.get(years[i - 1]!)!.nonCovid);
	});

	it('reports more per head in the high-participation provinces', () => {
		const perProvince = new Map<string, { rows: number; pop: number }>();
		for (const ref of refs) {
			const p = perProvince.get(ref.provinceCode) ?? { rows: 0, pop: 0 };
			p.rows += t.regions.get(ref.code) ?? 0;
			p.pop += ref.population;
			perProvince.set(ref.provinceCode, p);
		}
		const rates = [...perProvince].map(([code, p]) => [code, p.rows / p.pop] as const);
		const mid = median(rates.map(([, r]) => r));
		for (const code of HIGH_PARTICIPATION_PROVINCES) expect(rates.find(([c]) => c === code)![1]).toBeGreaterThan(mid);
		// and per-capita rates do vary between regions
		const perCapita = refs.map((r) => (t.regions.get(r.code) ?? 0) / r.population);
		expect(Math.max(...perCapita) / median(perCapita)).toBeGreaterThan(3);
	});

	it('keeps the published category shares of non-COVID complaints', () => {
		const share = (top: string) => (100 * (t.topCategories.get(top) ?? 0)) / t.nonCovid;
		expect(share('Topik Lainnya')).toBeCloseTo(22.8, -0.5);
		expect(share('Pekerjaan Umum dan Penataan Ruang')).toBeCloseTo(16.7, -0.5);
		expect(share('Ketenagakerjaan')).toBeCloseTo(8, -0.5);
		expect(share('Kesehatan')).toBeCloseTo(3, -0.5);
		const ranked = [...t.topCategories]
			.filter(([k]) => k !== '')
			.sort((a, b) => b[1] - a[1])
			.map(([k]) => k);
		expect(ranked.slice(0, 2)).toEqual(['Topik Lainnya', 'Pekerjaan Umum dan Penataan Ruang']);
	});

	it('concentrates the 2020 bansos surge in BANSOS_SURGE_REGIONS', () => {
		// A plain spike detector: monthly bansos complaints in Apr-Jun 2020 against the region's usual
		// monthly level outside the COVID window.
		const months: string[] = [];
		for (let y = 2018; y <= 2024; y++) for (let m = 1; m <= 12; m++) months.push(`${y}-${String(m).padStart(2, '0')}`);
		const usualMonths = months.filter((m) => m < '2020-03' || m > '2021-01');
		const flagged = new Set<string>();
		for (const ref of refs) {
			const counts = t.bansosByRegionMonth.get(ref.code);
			const usual = usualMonths.reduce((s, m) => s + (counts?.get(m) ?? 0), 0) / usualMonths.length;
			const peak = ['2020-04', '2020-05', '2020-06'].reduce((s, m) => s + (counts?.get(m) ?? 0), 0) / 3;
			if (peak - usual >= 10 && peak >= 5 * Math.max(usual, 1)) flagged.add(ref.code);
		}
		expect([...flagged].sort()).toEqual([...BANSOS_SURGE_REGIONS].sort());
	});
});

describe('scaling', () => {
	it('scales the count anchors to a 30,000-row sample', () => {
		const rows = 30_000;
		const t = tally(rows, 11);
		expect(t.rows).toBe(rows);
		expect(t.covidInWindow).toBe(scaleCount(COVID_TOTAL, rows));
		expect(t.bansosInWindow).toBe(scaleCount(COVID_BANSOS, rows));
		expect(t.tangerangPilot).toBe(scaleCount(3_171, rows));
		expect(t.tangerangH1).toBe(scaleCount(1_200, rows));
		const tangselRate = t.tangselFollowed / t.tangselAfterLaunch;
		expect(Math.abs(tangselRate - TANGSEL_FOLLOWUP_RATE)).toBeLessThan(2 / t.tangselAfterLaunch);
		const share2020 = t.year.get('2020')!.closed / t.year.get('2020')!.n;
		expect(share2020).toBeCloseTo(0.6978, 3);
	});

	it('handles tiny samples', () => {
		expect([...generateComplaints({ rows: 0, seed: 1, regions: refs })]).toHaveLength(0);
		expect([...generateComplaints({ rows: 7, seed: 1, regions: refs })]).toHaveLength(7);
	});
});

describe('determinism', () => {
	const csv = (seed: number, rows = 3_000) => [...generateComplaints({ rows, seed, regions: refs })].map(toCsvLine);

	it('gives byte-identical output for the same seed and size', () => {
		expect(csv(42).join('\r\n')).toBe(csv(42).join('\r\n'));
	});

	it('gives different output for a different seed', () => {
		const a = csv(42);
		const b = csv(43);
		expect(a).toHaveLength(b.length);
		const same = a.filter((line, i) => line === b[i]).length;
		expect(same).toBe(0);
	});
});

describe('row consistency (30,000 rows)', () => {
	let rows: SampleRow[];
	beforeAll(() => {
		rows = [...generateComplaints({ rows: 30_000, seed: 5, regions: refs })];
	}, 60_000);

	it('uses the export header order', () => {
		expect(Object.keys(rows[0]!).filter((k) => k !== 'meta')).toEqual([...SAMPLE_HEADERS]);
	});

	it('orders rows by Tanggal Laporan with unique, increasing tracking ids in range', () => {
		let prevId = 0;
		let prevDate = '';
		for (const r of rows) {
			const id = Number(r['ID Tracking']);
			expect(r['ID Tracking']).toMatch(/^\d+$/);
			expect(id).toBeGreaterThan(prevId);
			expect(r['Tanggal Laporan'] >= prevDate).toBe(true);
			prevId = id;
			prevDate = r['Tanggal Laporan'];
		}
		expect(Number(rows[0]!['ID Tracking'])).toBeLessThan(2_010_000);
		expect(Number(rows.at(-1)!['ID Tracking'])).toBeGreaterThan(8_490_000);
		expect(Number(rows.at(-1)!['ID Tracking'])).toBeLessThanOrEqual(8_500_000);
	});

	it('keeps timestamps inside the period and in lifecycle order', () => {
		const steps = ['Tanggal Laporan', 'Tanggal Verifikasi', 'Tanggal Disposisi', 'Tanggal Tindak Lanjut', 'Tanggal Selesai'] as const;
		for (const r of rows) {
			let prev = '';
			for (const s of steps) {
				const v = r[s];
				if (v === '') continue;
				expect(v).toMatch(TIMESTAMP);
				expect(Number.isNaN(toSeconds(v))).toBe(false);
				expect(v >= '2018-01-01 00:00:00' && v <= '2024-12-31 23:59:59').toBe(true);
				expect(v >= prev).toBe(true);
				prev = v;
			}
			expect(r['Tanggal Laporan']).not.toBe('');
		}
	});

	it('has exactly the timestamps its status implies', () => {
		// [verified, disposed, followed, closed] per status
		const expected: Record<string, [boolean, boolean, boolean, boolean]> = {
			belum_terverifikasi: [false, false, false, false],
			dihapus: [false, false, false, false],
			ditunda: [false, false, false, false],
			terverifikasi: [true, false, false, false],
			arsip: [true, false, false, false],
			bukan_wewenang: [true, true, false, false],
			terdisposisi: [true, true, false, false],
			ditindaklanjuti: [true, true, true, false],
			ditanggapi_pelapor: [true, true, true, false],
			selesai: [true, true, true, true]
		};
		for (const r of rows) {
			const has = [r['Tanggal Verifikasi'], r['Tanggal Disposisi'], r['Tanggal Tindak Lanjut'], r['Tanggal Selesai']].map((v) => v !== '');
			expect(has).toEqual(expected[r.meta.status]);
		}
	});

	it('writes the LAPOR! status labels, with the addressee after "Terdisposisi ke"', () => {
		const label: Record<string, string> = {
			belum_terverifikasi: 'belum terverifikasi',
			terverifikasi: 'terverifikasi',
			ditindaklanjuti: 'ditindaklanjuti oleh instansi',
			ditanggapi_pelapor: 'ditanggapi oleh pelapor',
			selesai: 'selesai',
			ditunda: 'ditunda',
			bukan_wewenang: 'bukan wewenang',
			arsip: 'diarsipkan',
			dihapus: 'dihapus'
		};
		const seen = new Set<string>();
		let variants = 0;
		for (const r of rows) {
			const s = r.Status;
			if (r.meta.status === 'terdisposisi') {
				expect(s.toLowerCase()).toBe(`terdisposisi ke ${r['Instansi Tujuan'].toLowerCase()}`);
				expect(r['Instansi Tujuan']).not.toBe('');
			} else expect(s.toLowerCase()).toBe(label[r.meta.status]);
			seen.add(r.meta.status);
			if (s === s.toUpperCase() || s === s.toLowerCase()) variants++;
		}
		expect(seen.size).toBe(10);
		expect(variants).toBeGreaterThan(0);
		expect(variants / rows.length).toBeLessThan(0.1);
	});

	it('writes every Lokasi so it resolves to exactly its own kab/kota, and Kode Wilayah when given', () => {
		const resolver = locationResolver(refs);
		const forms = { code: 0, empty: 0, kecamatan: 0, nickname: 0 };
		for (const r of rows) {
			expect(resolver.resolve(r.Lokasi)).toEqual([r.meta.regionCode]);
			if (r['Kode Wilayah'] === '') forms.empty++;
			else {
				expect(r['Kode Wilayah']).toBe(r.meta.regionCode);
				forms.code++;
			}
			if (/^kec(amatan|\.)/i.test(r.Lokasi)) forms.kecamatan++;
			if (r.Lokasi === 'Tangsel') forms.nickname++;
		}
		expect(forms.empty / rows.length).toBeGreaterThan(0.1);
		expect(forms.empty / rows.length).toBeLessThan(0.2);
		expect(forms.kecamatan).toBeGreaterThan(0);
	});

	it('routes complaints to agencies that fit the topic and can be classified by keyword', () => {
		const keyword: Record<string, RegExp> = {
			disdukcapil: /dukcapil|kependudukan/i,
			dinsos: /dinsos|sosial/i,
			pupr: /pupr|pekerjaan umum|\bpu\b|bina marga|\bdpu/i,
			perkim: /perkim|permukiman/i,
			dinkes: /dinkes|kesehatan/i,
			rsud: /rsud|rumah sakit|puskesmas/i,
			disdik: /disdik|pendidikan/i,
			dishub: /dishub|perhubungan/i,
			dlh: /\bdlh\b|lingkungan hidup/i,
			diskominfo: /kominfo|komunikasi/i,
			satpolpp: /satpol|pamong praja/i,
			inspektorat: /inspektorat/i,
			organisasi: /organisasi|setda|sekretariat daerah|^pemerintah (kabupaten|kota)/i,
			disnaker: /disnaker|tenaga kerja|ketenagakerjaan/i,
			dpmptsp: /dpmptsp|penanaman modal/i,
			bapenda: /bapenda|pendapatan daerah/i,
			bpbd: /bpbd|bencana|damkar|pemadam/i,
			pertanian: /pertanian/i,
			perdagangan: /perdagangan|disperindag/i,
			kecamatan: /^(kantor )?kecamatan /i,
			kelurahan_desa: /^(kelurahan|desa|pemerintah desa|kantor desa) /i,
			pdam: /pdam|air minum/i,
			bpn: /pertanahan|\bbpn\b/i,
			kepolisian: /^pol(res|resta|sek)|kepolisian/i,
			bpjs: /^bpjs /i,
			bumn: /^pt |^bank |^pln /i,
			kementerian: /^(kantor )?kementerian |^komisi |^badan |^otoritas |^bawaslu |^bnn /i
		};
		const types = new Set<string>();
		for (const r of rows) {
			const name = r['Instansi Tujuan'];
			if (name === '') continue;
			types.add(r.meta.opdType);
			const re = keyword[r.meta.opdType];
			if (re) expect(name, r.meta.opdType).toMatch(re);
			if (r.meta.topic === 'ktp') expect(['disdukcapil', 'kecamatan']).toContain(r.meta.opdType);
			if (r.meta.topic === 'jalan') expect(['pupr', 'kementerian']).toContain(r.meta.opdType);
			if (r.meta.topic === 'cv_bst' || r.meta.topic === 'pkh')
				expect(['dinsos', 'kementerian', 'bumn', 'kelurahan_desa']).toContain(r.meta.opdType);
		}
		for (const t of Object.keys(keyword)) expect(types.has(t), t).toBe(true);
		const names = new Set(rows.map((r) => r['Instansi Tujuan']));
		for (const abbr of ['Disdukcapil', 'Dinsos', 'DLH', 'Dishub', 'Diskominfo', 'Bapenda', 'BPBD', 'DPMPTSP'])
			expect(
				[...names].some((n) => n.toLowerCase().startsWith(abbr.toLowerCase() + ' ')),
				abbr
			).toBe(true);
		for (const n of ['Kementerian Sosial', 'BPJS Kesehatan', 'PT PLN (Persero)']) expect(names.has(n), n).toBe(true);
	});

	it('uses the channel, classification and flag vocabularies, WhatsApp only from 2023', () => {
		const channels = new Set<string>();
		let anonymous = 0;
		let confidential = 0;
		for (const r of rows) {
			channels.add(r.Sumber);
			if (r.Sumber === 'WhatsApp') expect(r['Tanggal Laporan'] >= '2023-01-01').toBe(true);
			expect(['Pengaduan', 'Aspirasi', 'Permintaan Informasi']).toContain(r.Klasifikasi);
			expect(['Ya', 'Tidak']).toContain(r.Anonim);
			expect(['Ya', 'Tidak']).toContain(r.Rahasia);
			if (r.Anonim === 'Ya') {
				anonymous++;
				expect(r['Email Pelapor']).toBe('');
			}
			if (r.Rahasia === 'Ya') confidential++;
		}
		expect([...channels].sort()).toEqual(['Android', 'SMS 1708', 'Twitter', 'Website', 'WhatsApp', 'iOS']);
		expect(anonymous / rows.length).toBeGreaterThan(0.15);
		expect(anonymous / rows.length).toBeLessThan(0.2);
		expect(confidential / rows.length).toBeGreaterThan(0.05);
		expect(confidential / rows.length).toBeLessThan(0.08);
		// SMS gives way to the apps over the years
		const smsShare = (y: string) => {
			const inYear = rows.filter((r) => r['Tanggal Laporan'].startsWith(y));
			return inYear.filter((r) => r.Sumber === 'SMS 1708').length / inYear.length;
		};
		expect(smsShare('2018')).toBeGreaterThan(2 * smsShare('2024'));
	});

	it('has repeat reporters, example.com mail, 08xx numbers, and contact details in some bodies', () => {
		const byMail = new Map<string, number>();
		for (const r of rows) {
			const mail = r['Email Pelapor'];
			if (mail) {
				expect(mail).toMatch(/@((mail|surel)\.)?example\.(com|net|org)$/);
				byMail.set(mail, (byMail.get(mail) ?? 0) + 1);
			}
			const phone = r['Telepon Pelapor'].replace(/[\s-]/g, '');
			if (phone) expect(phone).toMatch(/^(0|\+?62)8\d{8,10}$/);
		}
		const counts = [...byMail.values()];
		const repeaters = counts.filter((n) => n > 1).length;
		expect(repeaters).toBeGreaterThan(0);
		expect(repeaters / counts.length).toBeLessThan(0.3);
		const withContact = rows.filter((r) => /(\+?62|0)8\d[\d -]{7,}|@[a-z.]*example\./.test(r['Isi Laporan']));
		expect(withContact.length / rows.length).toBeGreaterThan(0.03);
		expect(withContact.length / rows.length).toBeLessThan(0.15);
	});

	it('writes Indonesian texts with informal spellings and topic signal', () => {
		const bodies = rows.map((r) => r['Isi Laporan']);
		for (const slang of ['tdk', 'yg', 'blm', 'krn', 'dgn', 'utk', 'sy', 'udh'])
			expect(
				bodies.some((b) => new RegExp(`\\b${slang}\\b`, 'i').test(b)),
				slang
			).toBe(true);
		const bansos = rows.filter((r) => r.Kategori.startsWith('Corona Virus > Bantuan Sosial') && r.meta.status !== 'dihapus');
		const mentions = bansos.filter((r) => /BST|BLT|PKH|DTKS|sembako|Prakerja|bansos/i.test(r['Isi Laporan'] + ' ' + r['Judul Laporan']));
		expect(mentions.length / bansos.length).toBeGreaterThan(0.8);
		expect(new Set(bodies).size / bodies.length).toBeGreaterThan(0.9);
	});
});
