// Controlled vocabularies of the warehouse: the values normalised columns may take, with the
// labels the UI shows. The ETL's matching rules (rules.json) map raw export text onto these.

export const LIFECYCLE = [
	'belum_terverifikasi',
	'terverifikasi',
	'terdisposisi',
	'ditindaklanjuti',
	'ditanggapi_pelapor',
	'selesai',
	'ditunda',
	'bukan_wewenang',
	'arsip',
	'dihapus'
] as const;
export type Lifecycle = (typeof LIFECYCLE)[number];

export const LIFECYCLE_LABEL: Record<Lifecycle, { id: string; en: string }> = {
	belum_terverifikasi: { id: 'Belum terverifikasi', en: 'Not yet verified' },
	terverifikasi: { id: 'Terverifikasi', en: 'Verified' },
	terdisposisi: { id: 'Terdisposisi', en: 'Dispatched' },
	ditindaklanjuti: { id: 'Ditindaklanjuti', en: 'Followed up' },
	ditanggapi_pelapor: { id: 'Ditanggapi pelapor', en: 'Reporter replied' },
	selesai: { id: 'Selesai', en: 'Closed' },
	ditunda: { id: 'Ditunda', en: 'On hold' },
	bukan_wewenang: { id: 'Bukan wewenang', en: 'Not in remit' },
	arsip: { id: 'Diarsipkan', en: 'Archived' },
	dihapus: { id: 'Dihapus / ditolak', en: 'Deleted / rejected' }
};

export const CLASSIFICATIONS = ['pengaduan', 'aspirasi', 'permintaan_informasi'] as const;
export type Classification = (typeof CLASSIFICATIONS)[number];

export const CLASSIFICATION_LABEL: Record<Classification, { id: string; en: string }> = {
	pengaduan: { id: 'Pengaduan', en: 'Complaint' },
	aspirasi: { id: 'Aspirasi', en: 'Suggestion' },
	permintaan_informasi: { id: 'Permintaan informasi', en: 'Information request' }
};

export const CHANNELS = [
	'web',
	'sms',
	'android',
	'ios',
	'whatsapp',
	'twitter',
	'instagram',
	'facebook',
	'email',
	'tatap_muka',
	'lainnya'
] as const;
export type Channel = (typeof CHANNELS)[number];

/** OPD (perangkat daerah) and agency types; `lainnya` when no rule matches. */
export const OPD_TYPES = {
	disdukcapil: { id: 'Disdukcapil', en: 'Civil registry' },
	dinsos: { id: 'Dinas Sosial', en: 'Social affairs' },
	pupr: { id: 'Dinas PUPR', en: 'Public works' },
	perkim: { id: 'Dinas Perkim', en: 'Housing & settlements' },
	dinkes: { id: 'Dinas Kesehatan', en: 'Health office' },
	rsud: { id: 'RSUD / Puskesmas', en: 'Hospitals & clinics' },
	disdik: { id: 'Dinas Pendidikan', en: 'Education' },
	dishub: { id: 'Dinas Perhubungan', en: 'Transport' },
	dlh: { id: 'Dinas Lingkungan Hidup', en: 'Environment' },
	diskominfo: { id: 'Diskominfo', en: 'Communication & IT' },
	satpolpp: { id: 'Satpol PP', en: 'Public order' },
	inspektorat: { id: 'Inspektorat', en: 'Inspectorate' },
	organisasi: { id: 'Bagian Organisasi / Setda', en: 'Regional secretariat' },
	disnaker: { id: 'Dinas Tenaga Kerja', en: 'Manpower' },
	dpmptsp: { id: 'DPMPTSP (perizinan)', en: 'Licensing' },
	bapenda: { id: 'Bapenda (pajak daerah)', en: 'Regional revenue' },
	bpbd: { id: 'BPBD', en: 'Disaster management' },
	pertanian: { id: 'Dinas Pertanian', en: 'Agriculture' },
	perdagangan: { id: 'Dinas Perdagangan', en: 'Trade' },
	kecamatan: { id: 'Kecamatan', en: 'Sub-district office' },
	kelurahan_desa: { id: 'Kelurahan / Desa', en: 'Village office' },
	pdam: { id: 'PDAM', en: 'Water utility' },
	bpn: { id: 'Kantor Pertanahan', en: 'Land office' },
	kepolisian: { id: 'Kepolisian', en: 'Police' },
	bpjs: { id: 'BPJS', en: 'Social security (BPJS)' },
	bumn: { id: 'BUMN', en: 'State-owned enterprise' },
	kementerian: { id: 'Kementerian / Lembaga', en: 'Ministry / agency' },
	lainnya: { id: 'Lainnya', en: 'Other' }
} as const;
export type OpdType = keyof typeof OPD_TYPES;

/**
 * Who an agency answers to, as seen from the region a complaint is about: the kab/kota's own
 * government (its OPDs, kecamatan, desa, RSUD, BUMD), the province's, a ministry or national body,
 * a national body's office in the region (police, land office, BPJS branch, Kemenag office), a
 * state-owned enterprise, or not recognised. Set at ingest with the canonical agency name.
 */
export const AUTHORITIES = {
	pemda: { id: 'Pemda kab/kota', en: 'Local government' },
	pemprov: { id: 'Pemerintah provinsi', en: 'Provincial government' },
	kementerian: { id: 'Kementerian / lembaga', en: 'Ministry / national agency' },
	vertikal: { id: 'Instansi vertikal', en: 'National agency field office' },
	bumn: { id: 'BUMN', en: 'State-owned enterprise' },
	lainnya: { id: 'Belum dikenali', en: 'Not recognised' }
} as const;
export type Authority = keyof typeof AUTHORITIES;

/** Statuses still in an agency's queue, in lifecycle order (the overview's backlog card). */
export const OPEN_STATUSES = [
	'belum_terverifikasi',
	'terverifikasi',
	'terdisposisi',
	'ditindaklanjuti',
	'ditanggapi_pelapor',
	'ditunda'
] as const;
export type OpenStatus = (typeof OPEN_STATUSES)[number];

/**
 * What level an area is: the nation, a province or a kab/kota. The one vocabulary for the
 * warehouse (`regions.level`, schema.sql), `/wilayah?level=`, user scopes, the recommendation
 * engine and the briefing. A code's shape says its level: '' the nation, 'PP' ('36') a province,
 * 'PP.KK' ('36.03') a kab/kota (Kemendagri codes).
 */
export const AREA_LEVELS = ['national', 'province', 'regency'] as const;
export type AreaLevel = (typeof AREA_LEVELS)[number];

/** The levels a region has (a row of `regions`): every level below the nation. */
export const REGION_LEVELS = ['province', 'regency'] as const satisfies readonly AreaLevel[];
export type RegionLevel = (typeof REGION_LEVELS)[number];

/** A province or kab/kota code. */
export const REGION_CODE = /^\d{2}(\.\d{2})?$/;

/** The level a code's shape says, or null when it is no area code. */
export function areaLevelOf(code: string): AreaLevel | null {
	if (code === '') return 'national';
	if (!REGION_CODE.test(code)) return null;
	return code.includes('.') ? 'regency' : 'province';
}

export const isRegionLevel = (level: string): level is RegionLevel => (REGION_LEVELS as readonly string[]).includes(level);

/** One area: the nation, or a province or kab/kota by code. */
export type Area = { level: 'national' } | { level: RegionLevel; code: string };

/** The area a region code (validated) stands for; null is the nation. */
export function areaOf(code: string | null): Area {
	if (code === null) return { level: 'national' };
	const level = areaLevelOf(code);
	if (level === null || level === 'national') throw new Error(`not a region code: ${JSON.stringify(code.slice(0, 40))}`);
	return { level, code };
}

/**
 * The word for a level where it is part of a name users keep: the nation's briefing URL and PDF
 * (`/briefing/nasional/…`, `nasional-2024-05.pdf`), download file names (`telaah-wilayah-kabkota…`),
 * and recommendation keys and their `scope_level` column (`backlog:nasional:`). Fixed: bookmarks,
 * saved files and keys compared across months depend on these spellings.
 */
export const AREA_LEVEL_WORD = { national: 'nasional', province: 'provinsi', regency: 'kabkota' } as const satisfies Record<
	AreaLevel,
	string
>;
