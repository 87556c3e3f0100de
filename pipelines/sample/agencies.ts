// Instansi Tujuan: agency names as they appear in dispositions. Regional OPDs are written out with
// their region in the inconsistent ways real exports show (full name, abbreviation, upper case,
// DKI "Suku Dinas"), national agencies by their official names. Every spelling carries a keyword
// an ETL can classify by (see the OPD types in pipelines/ingest/vocab.ts).

import type { OpdType } from '../../src/lib/core/vocab';
import { dayOf } from './calendar';
import type { RegionInfo } from './regions';
import type { Rng } from './rng';

export interface Agency {
	name: string;
	type: OpdType;
}

/** A regional OPD type, a provincial one ('prov:disdik') or a named national body ('nat:kemensos'). */
export type AgencySpec = OpdType | `prov:${OpdType}` | `nat:${NationalKey}`;

/** Long name and the abbreviation that goes with it; several pairs where naming differs by pemda. */
type Variant = readonly [long: string, abbreviation: string];

const DINAS: Partial<Record<OpdType, readonly Variant[]>> = {
	disdukcapil: [
		['Dinas Kependudukan dan Pencatatan Sipil', 'Disdukcapil'],
		['Dinas Kependudukan dan Pencatatan Sipil', 'Dukcapil']
	],
	dinsos: [['Dinas Sosial', 'Dinsos']],
	pupr: [
		['Dinas Pekerjaan Umum dan Penataan Ruang', 'Dinas PUPR'],
		['Dinas Pekerjaan Umum', 'DPU'],
		['Dinas Bina Marga dan Sumber Daya Air', 'Dinas Bina Marga'],
		['Dinas PU dan Tata Ruang', 'DPUTR']
	],
	perkim: [
		['Dinas Perumahan dan Kawasan Permukiman', 'Disperkim'],
		['Dinas Perumahan Rakyat dan Kawasan Permukiman', 'Dinas Perkim']
	],
	dinkes: [['Dinas Kesehatan', 'Dinkes']],
	disdik: [
		['Dinas Pendidikan', 'Disdik'],
		['Dinas Pendidikan dan Kebudayaan', 'Disdikbud']
	],
	dishub: [['Dinas Perhubungan', 'Dishub']],
	dlh: [
		['Dinas Lingkungan Hidup', 'DLH'],
		['Dinas Lingkungan Hidup dan Kebersihan', 'DLH']
	],
	diskominfo: [['Dinas Komunikasi dan Informatika', 'Diskominfo']],
	satpolpp: [['Satuan Polisi Pamong Praja', 'Satpol PP']],
	inspektorat: [['Inspektorat Daerah', 'Inspektorat']],
	organisasi: [
		['Bagian Organisasi Sekretariat Daerah', 'Bagian Organisasi Setda'],
		['Sekretariat Daerah', 'Setda']
	],
	disnaker: [
		['Dinas Tenaga Kerja', 'Disnaker'],
		['Dinas Ketenagakerjaan', 'Disnaker']
	],
	dpmptsp: [['Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu', 'DPMPTSP']],
	bapenda: [['Badan Pendapatan Daerah', 'Bapenda']],
	bpbd: [
		['Badan Penanggulangan Bencana Daerah', 'BPBD'],
		['Dinas Pemadam Kebakaran', 'Damkar']
	],
	pertanian: [
		['Dinas Pertanian', 'Dinas Pertanian'],
		['Dinas Pertanian dan Ketahanan Pangan', 'Dinas Pertanian']
	],
	perdagangan: [
		['Dinas Perindustrian dan Perdagangan', 'Disperindag'],
		['Dinas Perdagangan', 'Dinas Perdagangan']
	]
};

interface National {
	type: OpdType;
	forms: readonly string[];
	/** Renamed bodies: forms used from a date on. */
	renamed?: { from: string; forms: readonly string[] };
}

// {B} bare region name, {R} full region name, {S} short region name, {K} a kecamatan.
// Non-ministerial bodies (OJK, BKN, BNN, ...) are 'kementerian' too: the type means Kementerian / Lembaga.
const NATIONAL = {
	kemensos: { type: 'kementerian', forms: ['Kementerian Sosial', 'Kementerian Sosial RI'] },
	kemenkes: { type: 'kementerian', forms: ['Kementerian Kesehatan'] },
	kemnaker: { type: 'kementerian', forms: ['Kementerian Ketenagakerjaan'] },
	kemendikbud: {
		type: 'kementerian',
		forms: ['Kementerian Pendidikan dan Kebudayaan'],
		renamed: { from: '2021-04-28', forms: ['Kementerian Pendidikan, Kebudayaan, Riset, dan Teknologi'] }
	},
	kemenhub: { type: 'kementerian', forms: ['Kementerian Perhubungan'] },
	kominfo: {
		type: 'kementerian',
		forms: ['Kementerian Komunikasi dan Informatika'],
		renamed: { from: '2024-10-21', forms: ['Kementerian Komunikasi dan Digital'] }
	},
	kemendes: { type: 'kementerian', forms: ['Kementerian Desa, Pembangunan Daerah Tertinggal, dan Transmigrasi'] },
	kemenag: { type: 'kementerian', forms: ['Kementerian Agama'] },
	kemenkop: { type: 'kementerian', forms: ['Kementerian Koperasi dan UKM'] },
	kemenko_ekon: { type: 'kementerian', forms: ['Kementerian Koordinator Bidang Perekonomian'] },
	kemenpanrb: { type: 'kementerian', forms: ['Kementerian Pendayagunaan Aparatur Negara dan Reformasi Birokrasi'] },
	kemenpupr: { type: 'kementerian', forms: ['Kementerian Pekerjaan Umum dan Perumahan Rakyat'] },
	kasn: { type: 'kementerian', forms: ['Komisi Aparatur Sipil Negara'] },
	bpjs_kes: { type: 'bpjs', forms: ['BPJS Kesehatan', 'BPJS Kesehatan Cabang {B}'] },
	bpjs_tk: { type: 'bpjs', forms: ['BPJS Ketenagakerjaan', 'BPJS Ketenagakerjaan Cabang {B}'] },
	pln: { type: 'bumn', forms: ['PT PLN (Persero)', 'PT PLN (Persero) UP3 {B}', 'PLN ULP {K}'] },
	pertamina: { type: 'bumn', forms: ['PT Pertamina (Persero)', 'PT Pertamina Patra Niaga'] },
	telkom: { type: 'bumn', forms: ['PT Telkom Indonesia (Persero) Tbk'] },
	kai: { type: 'bumn', forms: ['PT Kereta Api Indonesia (Persero)', 'PT KAI Commuter'] },
	pos: { type: 'bumn', forms: ['PT Pos Indonesia (Persero)'] },
	bri: { type: 'bumn', forms: ['PT Bank Rakyat Indonesia (Persero) Tbk', 'Bank BRI Cabang {B}'] },
	ojk: { type: 'kementerian', forms: ['Otoritas Jasa Keuangan'] },
	bkn: { type: 'kementerian', forms: ['Badan Kepegawaian Negara'] },
	bawaslu: { type: 'kementerian', forms: ['Badan Pengawas Pemilihan Umum', 'Bawaslu {S}'] },
	bnn: { type: 'kementerian', forms: ['Badan Narkotika Nasional', 'BNN {S}'] },
	bp2mi: { type: 'kementerian', forms: ['Badan Pelindungan Pekerja Migran Indonesia'] },
	prakerja: { type: 'lainnya', forms: ['Manajemen Pelaksana Program Kartu Prakerja'] },
	kemenag_kab: { type: 'kementerian', forms: ['Kantor Kementerian Agama {R}'] },
	diskop: { type: 'lainnya', forms: ['Dinas Koperasi dan UKM {R}', 'Diskopukm {S}'] },
	bkpsdm: { type: 'lainnya', forms: ['Badan Kepegawaian dan Pengembangan Sumber Daya Manusia {R}', 'BKPSDM {S}'] },
	dpmd: { type: 'lainnya', forms: ['Dinas Pemberdayaan Masyarakat dan Desa {R}', 'DPMD {S}'] },
	satgas: { type: 'lainnya', forms: ['Satuan Tugas Penanganan COVID-19 {R}', 'Satgas COVID-19 {S}'] },
	pemda: { type: 'organisasi', forms: ['Pemerintah {R}'] }
} as const satisfies Record<string, National>;
type NationalKey = keyof typeof NATIONAL;
const RENAMED_FROM = Object.fromEntries(
	Object.entries(NATIONAL).flatMap(([k, v]) => ('renamed' in v ? [[k, dayOf(v.renamed.from)]] : []))
) as Record<string, number>;

export interface AgencyContext {
	region: RegionInfo;
	kecamatan: string;
	village: string;
	day: number;
}

const fill = (form: string, c: AgencyContext) =>
	form.replace('{B}', c.region.bare).replace('{R}', c.region.name).replace('{S}', c.region.short).replace('{K}', c.kecamatan);

export function agencyFor(spec: AgencySpec, c: AgencyContext, rng: Rng): Agency {
	if (spec.startsWith('nat:')) {
		const key = spec.slice(4) as NationalKey;
		const n: National = NATIONAL[key];
		const forms = n.renamed && c.day >= RENAMED_FROM[key]! ? n.renamed.forms : n.forms;
		return { name: fill(rng.pick(forms), c), type: n.type };
	}
	if (spec.startsWith('prov:')) return provincial(spec.slice(5) as OpdType, c, rng);
	return regional(spec as OpdType, c, rng);
}

function regional(type: OpdType, c: AgencyContext, rng: Rng): Agency {
	const r = c.region;
	const name = (() => {
		switch (type) {
			case 'kecamatan':
				return rng.pick([`Kecamatan ${c.kecamatan}`, `Kantor Kecamatan ${c.kecamatan}`, `Kecamatan ${c.kecamatan} ${r.short}`]);
			case 'kelurahan_desa':
				return r.isKota
					? rng.pick([`Kelurahan ${c.village}`, `Kelurahan ${c.village} Kecamatan ${c.kecamatan}`])
					: rng.pick([`Pemerintah Desa ${c.village}`, `Desa ${c.village} Kec. ${c.kecamatan}`, `Kantor Desa ${c.village}`]);
			case 'rsud':
				return rng.chance(0.55)
					? rng.pick([`RSUD ${r.bare}`, `RSUD ${r.name}`, `Rumah Sakit Umum Daerah ${r.name}`])
					: rng.pick([`Puskesmas ${c.kecamatan}`, `UPT Puskesmas ${c.kecamatan}`]);
			case 'pdam':
				return rng.pick([`PDAM ${r.name}`, `Perumda Air Minum ${r.name}`, `PDAM ${r.short}`]);
			case 'bpn':
				return rng.pick([`Kantor Pertanahan ${r.name}`, `BPN ${r.short}`, `Kantor ATR/BPN ${r.name}`]);
			case 'kepolisian':
				if (rng.chance(0.2)) return `Polsek ${c.kecamatan}`;
				if (r.isDki) return `Polres Metro ${r.bare}`;
				return r.isKota ? `Polresta ${r.bare}` : rng.pick([`Polres ${r.bare}`, `Kepolisian Resor ${r.bare}`]);
			default: {
				const variants = DINAS[type];
				if (!variants) return `Pemerintah ${r.name}`;
				const [long, abbr] = rng.pick(variants);
				// DKI's kota are administrative: their offices are "Suku Dinas" of the province.
				if (r.isDki && long.startsWith('Dinas ') && rng.chance(0.7))
					return rng.chance(0.6) ? `Suku ${long} ${r.name}` : `Sudin ${long.slice(6)} ${r.bare}`;
				const x = rng.float();
				if (x < 0.5) return `${long} ${r.name}`;
				if (x < 0.78) return `${abbr} ${r.short}`;
				if (x < 0.9) return `${abbr} ${r.short}`.toUpperCase();
				return `${long} ${r.short}`;
			}
		}
	})();
	return { name, type: type === 'lainnya' ? 'organisasi' : type };
}

function provincial(type: OpdType, c: AgencyContext, rng: Rng): Agency {
	const variants = DINAS[type];
	if (!variants) return regional(type, c, rng);
	const [long, abbr] = rng.pick(variants);
	const label = c.region.provinceLabel;
	return { name: rng.chance(0.7) ? `${long} Provinsi ${label}` : `${abbr} Prov. ${label}`, type };
}
