// Calibration targets of the sample generator. Counts are for the reference size of 300,000 rows
// and are scaled by rows / 300,000 (rounded) otherwise. Each constant names its source: a seed
// article in ../shared/seeds, a domain.md source key (S1..S38), or "design" when it is a choice
// made for the sample because no published figure exists.

const REFERENCE_ROWS = 300_000;
export const DEFAULT_ROWS = 300_000;
export const DEFAULT_SEED = 20240601;

/** Scales a reference count to a sample of `rows` rows. */
export const scaleCount = (count: number, rows: number) => Math.round((count * rows) / REFERENCE_ROWS);

/** Tracking ids: #1916449 in about 2017 [S37], about 9.1M in mid-2025 [S5]; the brief's 2.0M..8.5M. */
export const TRACKING_ID_FIRST = 2_000_000;
export const TRACKING_ID_LAST = 8_500_000;

// --- 1. COVID-19 ---------------------------------------------------------------------------

/** Seed 004 (VIVA, 24 Mar 2021, Deputi Pelayanan Publik KemenPANRB): Mar 2020 - Jan 2021. */
export const COVID_WINDOW = { from: '2020-03-01', to: '2021-01-31' } as const;
export const COVID_TOTAL = 40_939;
export const COVID_BANSOS = 22_747;
/** Design: vaccination and PPKM complaints after the window, Feb-Dec 2021 (kept small). */
export const COVID_TAIL = { from: '2021-02-01', to: '2021-12-31', total: 600 } as const;
/** Design: monthly shares of the tail, Feb .. Dec 2021, with the July 2021 PPKM darurat bump. */
export const COVID_TAIL_MONTHS = [0.12, 0.1, 0.08, 0.07, 0.07, 0.18, 0.16, 0.08, 0.05, 0.05, 0.04];

/** Bansos branches under "Corona Virus > Bantuan Sosial" [S5] with design weights. */
export const BANSOS_BRANCHES = {
	BST: 30,
	Sembako: 24,
	'BLT Dana Desa': 15,
	PKH: 12,
	'Bansos Daerah': 12,
	'Kartu Prakerja': 7
} as const;

// Monthly shares Mar 2020 .. Jan 2021 (11 months). Design, checked against the published running
// totals: 7,232 COVID reports by 30 Apr 2020 [S11] and 23,466 by 25 Jun 2020 [S12].
/** Bansos in the surge regions: the sharp April-June peak of the BST/sembako roll-out. */
export const COVID_MONTHS_BANSOS_SURGE = [0.02, 0.14, 0.26, 0.19, 0.11, 0.08, 0.06, 0.05, 0.04, 0.03, 0.02];
/** Bansos elsewhere: a mild, flat bump. */
export const COVID_MONTHS_BANSOS_MILD = [0.03, 0.09, 0.13, 0.12, 0.11, 0.1, 0.09, 0.09, 0.08, 0.08, 0.08];
/** Other COVID topics (health services, PSBB, information): spread wider, so outside the surge
 * regions the COVID months are only a mild bump. */
export const COVID_MONTHS_OTHER = [0.06, 0.12, 0.12, 0.11, 0.1, 0.1, 0.09, 0.08, 0.08, 0.07, 0.07];

/**
 * Kab/kota where the 2020 bansos complaints pile up (design; populous Jabodetabek/Java regions
 * plus a few large cities elsewhere). They receive BANSOS_SURGE_SHARE of all COVID bansos
 * complaints; every other region only a mild bump. A spike detector should find exactly these.
 */
export const BANSOS_SURGE_REGIONS = [
	'31.71',
	'31.72',
	'31.73',
	'31.74',
	'31.75', // DKI Jakarta
	'32.01',
	'32.02',
	'32.04',
	'32.15',
	'32.16',
	'32.71',
	'32.73',
	'32.75',
	'32.76', // Jawa Barat
	'33.29',
	'33.74', // Jawa Tengah
	'34.04', // DIY
	'35.07',
	'35.09',
	'35.15',
	'35.78', // Jawa Timur
	'36.03',
	'36.71', // Banten
	'12.07',
	'12.71',
	'14.71',
	'16.71',
	'51.71',
	'63.71',
	'73.71' // outside Java
] as const;
export const BANSOS_SURGE_SHARE = 0.95;

// --- 2.-4. Regions named in the seed articles ----------------------------------------------

export interface Segment {
	from: string;
	to: string;
	total: number;
}

/** Kab. Tangerang. Seed 004: 3,171 complaints Sep 2018 - 23 Mar 2021. Seed 000: 1,200 in the
 * first half of 2023 against a target of 3,000 for the year (region_targets.csv); the second half
 * of 2023 is set so the year ends at 2,400. Other segments: design. */
export const TANGERANG_CODE = '36.03';
const TANGERANG_SEGMENTS: readonly Segment[] = [
	{ from: '2018-01-01', to: '2018-08-31', total: 240 },
	{ from: '2018-09-01', to: '2021-03-23', total: 3_171 },
	{ from: '2021-03-24', to: '2022-12-31', total: 3_300 },
	{ from: '2023-01-01', to: '2023-06-30', total: 1_200 },
	{ from: '2023-07-01', to: '2023-12-31', total: 1_200 },
	{ from: '2024-01-01', to: '2024-12-31', total: 2_750 }
];

/** Kab. Belitung Timur. Seed 002: 18 reports in total and only 4 in 2019 (the brief places the
 * 18 in 2018-2020); later years: design, "a handful". */
export const BELTIM_CODE = '19.06';
const BELTIM_SEGMENTS: readonly Segment[] = [
	{ from: '2018-01-01', to: '2018-12-31', total: 7 },
	{ from: '2019-01-01', to: '2019-12-31', total: 4 },
	{ from: '2020-01-01', to: '2020-12-31', total: 7 },
	{ from: '2021-01-01', to: '2021-12-31', total: 5 },
	{ from: '2022-01-01', to: '2022-12-31', total: 6 },
	{ from: '2023-01-01', to: '2023-12-31', total: 8 },
	{ from: '2024-01-01', to: '2024-12-31', total: 9 }
];

/** Kota Tangerang Selatan. Seed 001: own SP4N-LAPOR! launch on 27 Oct 2022, 523 reports by
 * 16 Oct 2023 of which 99.43% followed up, Dukcapil the fastest OPD. Before the launch and after
 * the article: design. */
export const TANGSEL_CODE = '36.74';
export const TANGSEL_LAUNCH = '2022-10-27';
const TANGSEL_SEGMENTS: readonly Segment[] = [
	{ from: '2018-01-01', to: '2022-10-26', total: 650 },
	{ from: '2022-10-27', to: '2023-10-16', total: 523 },
	{ from: '2023-10-17', to: '2024-12-31', total: 709 }
];
/** Share of Tangsel complaints from the launch on that get a follow-up (seed 001). */
export const TANGSEL_FOLLOWUP_RATE = 0.9943;

/** Regions whose volume is fixed by the segments above instead of the per-capita model. */
export const QUOTA_REGIONS: Readonly<Record<string, readonly Segment[]>> = {
	[TANGERANG_CODE]: TANGERANG_SEGMENTS,
	[BELTIM_CODE]: BELTIM_SEGMENTS,
	[TANGSEL_CODE]: TANGSEL_SEGMENTS
};

// --- 5. Volume across regions and years ----------------------------------------------------

/** Provinces with the highest participation ratio: DKI, Kalsel, Banten, DIY, Kalteng [S29]. */
export const HIGH_PARTICIPATION_PROVINCES = ['31', '63', '36', '34', '62'] as const;
export const HIGH_PARTICIPATION_FACTOR = 1.8;
/** Design: cities report more per head than kabupaten. */
export const KOTA_FACTOR = 1.3;
/** Design: log-space spread of the seeded per-region propensity (lognormal). */
export const PROPENSITY_SIGMA = 0.5;
/** Design: log-space spread of per-region growth per year around the national trend. */
export const GROWTH_SIGMA = 0.06;
/** Design: relative daily volume of ordinary (non-COVID) complaints per year, 2018..2024. */
export const YEAR_VOLUME = [0.7, 0.8, 0.85, 1.0, 1.12, 1.25, 1.36] as const;
/** Design: seasonality by calendar month (PPDB in June-July, year-end lull). */
export const MONTH_VOLUME = [0.95, 0.95, 1.0, 1.0, 0.96, 1.04, 1.1, 1.02, 1.0, 1.02, 1.02, 0.94] as const;
/** Design: Monday .. Sunday. */
export const WEEKDAY_VOLUME = [1.15, 1.1, 1.05, 1.05, 0.95, 0.72, 0.68] as const;
export const HOLIDAY_VOLUME = 0.6;
/** Design: hour of day (WIB) at which reports are filed, 00 .. 23. */
export const HOUR_VOLUME = [
	0.3, 0.2, 0.15, 0.1, 0.15, 0.4, 0.8, 1.3, 1.8, 2.0, 2.0, 1.9, 1.6, 1.8, 1.9, 1.8, 1.6, 1.5, 1.4, 1.6, 1.7, 1.5, 1.0, 0.6
] as const;

// --- Column distributions ------------------------------------------------------------------

/** Top-level category shares of categorised reports, Jun-Jul 2025 [S5] (first ten); the rest
 * split the remaining 16% by design. Applied to non-COVID complaints. */
export const CATEGORY_SHARES: Readonly<Record<string, number>> = {
	'Topik Lainnya': 22.8,
	'Pekerjaan Umum dan Penataan Ruang': 16.7,
	Ketenagakerjaan: 8.0,
	'Sosial dan Kesejahteraan': 6.5,
	'Pendidikan dan Kebudayaan': 6.2,
	'Ketenteraman, Ketertiban Umum, dan Pelindungan Masyarakat': 5.9,
	Perhubungan: 5.3,
	'Lingkungan Hidup dan Kehutanan': 4.9,
	'Teknologi Informasi dan Komunikasi': 4.7,
	Kesehatan: 3.0,
	Kependudukan: 4.0,
	'Ekonomi dan Keuangan': 3.0,
	'Energi dan SDA': 2.5,
	'Pertanian dan Peternakan': 1.2,
	'Pembangunan Desa, Daerah Tertinggal, dan Transmigrasi': 1.2,
	'Perlindungan Konsumen': 0.8,
	'Politik dan Hukum': 0.8,
	Agama: 0.6,
	'Pemulihan Ekonomi Nasional': 0.5,
	'Netralitas ASN': 0.4,
	P4GN: 0.3,
	'SP4N-LAPOR!': 0.3,
	'Kekerasan di Satuan Pendidikan': 0.2,
	'Kesetaraan Gender dan Sosial Inklusif': 0.2
};
/** Design: share of non-COVID rows exported without a category ([S5] saw 37% in a public list). */
export const UNCATEGORISED_SHARE = 0.015;

/** Design: klasifikasi (the form's three options [S6]). */
export const CLASSIFICATION_SHARES = { Pengaduan: 0.86, Aspirasi: 0.08, 'Permintaan Informasi': 0.06 } as const;

/** Design: channel shares per year [S1 channels; WhatsApp only from 2023, seen in 2025 data S5]. */
export const CHANNEL_SHARES: Readonly<Record<number, Readonly<Record<string, number>>>> = {
	2018: { Website: 45, 'SMS 1708': 30, Android: 15, iOS: 3, Twitter: 7 },
	2019: { Website: 45, 'SMS 1708': 24, Android: 20, iOS: 4, Twitter: 7 },
	2020: { Website: 44, 'SMS 1708': 18, Android: 27, iOS: 5, Twitter: 6 },
	2021: { Website: 43, 'SMS 1708': 13, Android: 32, iOS: 7, Twitter: 5 },
	2022: { Website: 42, 'SMS 1708': 9, Android: 36, iOS: 8, Twitter: 5 },
	2023: { Website: 38, 'SMS 1708': 6, Android: 36, iOS: 8, Twitter: 4, WhatsApp: 8 },
	2024: { Website: 35, 'SMS 1708': 4, Android: 36, iOS: 9, Twitter: 3, WhatsApp: 13 }
};

/** Brief: roughly 15-20% anonymous, 5-8% confidential. */
export const ANONYMOUS_SHARE = 0.17;
export const CONFIDENTIAL_SHARE = 0.065;
/** Design: rows whose Kode Wilayah is filled (the rest are identified by Lokasi only). */
export const REGION_CODE_SHARE = 0.85;
/** Design: share of complaints filed by a repeat reporter from a small per-region pool. */
export const REPEAT_REPORTER_SHARE = 0.3;
/** Design: share of bodies that mention the reporter's phone number or e-mail. */
export const CONTACT_IN_BODY_SHARE = 0.07;

// --- 6. Outcomes and response times --------------------------------------------------------

/** Outcome tiers, in lifecycle order; a tier fixes the status and which timestamps exist. */
export const TIERS = [
	'dihapus',
	'ditunda',
	'bukan_wewenang',
	'arsip',
	'belum_terverifikasi',
	'terverifikasi',
	'terdisposisi',
	'ditindaklanjuti',
	'ditanggapi_pelapor',
	'selesai'
] as const;
export type Tier = (typeof TIERS)[number];

/**
 * Share of each year's reports ending in each tier, as seen in an export taken at the end of 2024.
 * 2018: KemenPANRB Jan - mid-Jun 2018, 57,171 reports: 15,061 selesai, 3,189 in process, 7,542 not
 *   processed, 1,158 pending, 4,876 disposed, 24,345 deleted as incomplete; the 1,000 left over are
 *   split between bukan wewenang and arsip [S17].
 * 2020: pemda completion 69.78% for 2020 reports [S21] (selesai).
 * 2023: 51,538 of 63,208 reports followed up = 81.54% [S24] (ditindaklanjuti + ditanggapi + selesai).
 * Other years and the split inside each group: design (deletions falling after 2018).
 */
export const YEAR_TIER_SHARES: Readonly<Record<number, Readonly<Record<Tier, number>>>> = {
	2018: {
		dihapus: 0.42582,
		ditunda: 0.02026,
		bukan_wewenang: 0.01,
		arsip: 0.00749,
		belum_terverifikasi: 0.13192,
		terverifikasi: 0.01,
		terdisposisi: 0.07529,
		ditindaklanjuti: 0.04,
		ditanggapi_pelapor: 0.01578,
		selesai: 0.26344
	},
	2019: {
		dihapus: 0.25,
		ditunda: 0.015,
		bukan_wewenang: 0.02,
		arsip: 0.015,
		belum_terverifikasi: 0.05,
		terverifikasi: 0.01,
		terdisposisi: 0.05,
		ditindaklanjuti: 0.06,
		ditanggapi_pelapor: 0.02,
		selesai: 0.51
	},
	2020: {
		dihapus: 0.12,
		ditunda: 0.008,
		bukan_wewenang: 0.02,
		arsip: 0.0122,
		belum_terverifikasi: 0.02,
		terverifikasi: 0.01,
		terdisposisi: 0.035,
		ditindaklanjuti: 0.06,
		ditanggapi_pelapor: 0.017,
		selesai: 0.6978
	},
	2021: {
		dihapus: 0.08,
		ditunda: 0.008,
		bukan_wewenang: 0.02,
		arsip: 0.012,
		belum_terverifikasi: 0.02,
		terverifikasi: 0.01,
		terdisposisi: 0.04,
		ditindaklanjuti: 0.07,
		ditanggapi_pelapor: 0.02,
		selesai: 0.72
	},
	2022: {
		dihapus: 0.06,
		ditunda: 0.008,
		bukan_wewenang: 0.02,
		arsip: 0.012,
		belum_terverifikasi: 0.025,
		terverifikasi: 0.01,
		terdisposisi: 0.045,
		ditindaklanjuti: 0.08,
		ditanggapi_pelapor: 0.02,
		selesai: 0.72
	},
	2023: {
		dihapus: 0.05,
		ditunda: 0.008,
		bukan_wewenang: 0.02,
		arsip: 0.0126,
		belum_terverifikasi: 0.03,
		terverifikasi: 0.012,
		terdisposisi: 0.052,
		ditindaklanjuti: 0.1,
		ditanggapi_pelapor: 0.0354,
		selesai: 0.68
	},
	2024: {
		dihapus: 0.05,
		ditunda: 0.01,
		bukan_wewenang: 0.02,
		arsip: 0.01,
		belum_terverifikasi: 0.05,
		terverifikasi: 0.02,
		terdisposisi: 0.07,
		ditindaklanjuti: 0.14,
		ditanggapi_pelapor: 0.03,
		selesai: 0.6
	}
};

/** Design: median working days from creation to verification, per year (faster over time). */
export const VERIFY_MEDIAN_WORKDAYS = [1.8, 1.4, 1.2, 1.0, 0.9, 0.8, 0.75] as const;
/** SE MenPANRB 53/2020: COVID reports skip the national admin, <= 1 working day [S9, S12]. */
export const COVID_VERIFY_FACTOR = 0.4;

/**
 * Design: median working days from disposition to the first follow-up per OPD type. Dukcapil
 * answers within about a day (seed 001: the fastest OPD); PUPR, land offices and the
 * inspectorate are slow.
 */
export const FOLLOWUP_MEDIAN_WORKDAYS: Readonly<Record<string, number>> = {
	disdukcapil: 0.25,
	dinsos: 3,
	pupr: 7,
	perkim: 5,
	dinkes: 3,
	rsud: 2.5,
	disdik: 3,
	dishub: 3,
	dlh: 3.5,
	diskominfo: 1.5,
	satpolpp: 2.5,
	inspektorat: 6,
	organisasi: 3,
	disnaker: 4,
	dpmptsp: 3,
	bapenda: 2.5,
	bpbd: 2,
	pertanian: 4,
	perdagangan: 3.5,
	kecamatan: 2,
	kelurahan_desa: 2.5,
	pdam: 2,
	bpn: 9,
	kepolisian: 5,
	bpjs: 2,
	bumn: 2.5,
	kementerian: 6,
	lainnya: 4
};
/** Design: Dinas Sosial during the bansos surge (Apr 2020 - Jan 2021) is this much slower. */
export const DINSOS_COVID_SLOWDOWN = 3;
/** Design: Tangsel OPDs after their own launch answer faster than the national median. */
export const TANGSEL_SPEEDUP = 0.6;
