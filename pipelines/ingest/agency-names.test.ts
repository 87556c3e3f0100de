import { describe, expect, it } from 'vitest';
import {
	agencyContext,
	agencyWords,
	canonicalAgency,
	normRegion,
	regionIndex,
	titleCase,
	type RegionRef,
	type Where
} from './agency-names.ts';
import { DEFAULT_AGENCY_TABLE, loadAgencyTable, parseAgencyTable } from './agency-table.ts';
import { loadRules } from './config.ts';

// A few regions with the spellings region_aliases holds for them (official, short and bare names,
// nicknames; a bare name two regions share keeps its candidates).
const REGIONS: RegionRef[] = [
	{ code: '36', level: 'province', name: 'Banten', provinceCode: '36' },
	{ code: '36.03', level: 'regency', name: 'Kabupaten Tangerang', provinceCode: '36' },
	{ code: '36.71', level: 'regency', name: 'Kota Tangerang', provinceCode: '36' },
	{ code: '36.74', level: 'regency', name: 'Kota Tangerang Selatan', provinceCode: '36' },
	{ code: '35', level: 'province', name: 'Jawa Timur', provinceCode: '35' },
	{ code: '35.22', level: 'regency', name: 'Kabupaten Bojonegoro', provinceCode: '35' },
	{ code: '31.73', level: 'regency', name: 'Kota Administrasi Jakarta Barat', provinceCode: '31' },
	{ code: '15.04', level: 'regency', name: 'Kabupaten Batanghari', provinceCode: '15' },
	{ code: '33.25', level: 'regency', name: 'Kabupaten Batang', provinceCode: '33' },
	{ code: '13.71', level: 'regency', name: 'Kota Padang', provinceCode: '13' }
];
const ALIASES = [
	...REGIONS.flatMap((r) => [
		{ alias: normRegion(r.name), code: r.code, candidates: null },
		...(r.level === 'province' ? [{ alias: normRegion(`provinsi ${r.name}`), code: r.code, candidates: null }] : [])
	]),
	{ alias: 'tangerang', code: null, candidates: '36.03 36.71' },
	{ alias: 'tangerang selatan', code: '36.74', candidates: null },
	{ alias: 'tangsel', code: '36.74', candidates: null },
	{ alias: 'bojonegoro', code: '35.22', candidates: null },
	{ alias: 'jakarta barat', code: '31.73', candidates: null },
	{ alias: 'batanghari', code: '15.04', candidates: null },
	{ alias: 'batang', code: '33.25', candidates: null },
	{ alias: 'padang', code: '13.71', candidates: null }
];
const table = loadAgencyTable(DEFAULT_AGENCY_TABLE);
const ctx = agencyContext(table, loadRules(), regionIndex(REGIONS, ALIASES));
const KAB = { regency: '36.03', province: '36' };
const at = (raw: string, where: Where = KAB) => canonicalAgency(raw, where, ctx);

describe('canonicalAgency', () => {
	it('gives the four spellings of Dinas Sosial Kab. Tangerang, and its bare name in a Kab. Tangerang export, one name', () => {
		const spellings = [
			'Dinas Sosial Kabupaten Tangerang',
			'Dinsos Kab. Tangerang',
			'DINSOS KAB. TANGERANG',
			'Dinas Sosial Kab. Tangerang',
			'  dinas  sosial ',
			'Kepala Dinas Sosial Pemerintah Kabupaten Tangerang'
		];
		const got = spellings.map((s) => at(s));
		for (const g of got)
			expect(g).toEqual({
				name: 'Dinas Sosial Kabupaten Tangerang',
				opdType: 'dinsos',
				authority: 'pemda',
				region: '36.03',
				own: 'dinas sosial'
			});
	});

	it('writes out abbreviations, also inside longer ones, and keeps acronyms in capitals', () => {
		expect(at('DISDUKCAPIL KOTA TANGSEL', { regency: '36.74', province: '36' })!.name).toBe(
			'Dinas Kependudukan dan Pencatatan Sipil Kota Tangerang Selatan'
		);
		expect(at('Dinas Kependudukan dan Catatan Sipil Kab Tangerang')!.name).toBe(
			'Dinas Kependudukan dan Pencatatan Sipil Kabupaten Tangerang'
		);
		expect(at('DPUTR Kab. Tangerang')!.name).toBe(at('Dinas PUPR Kabupaten Tangerang')!.name);
		expect(at('Dinas PU dan Tata Ruang Kab. Tangerang')!.name).toBe('Dinas Pekerjaan Umum dan Penataan Ruang Kabupaten Tangerang');
		expect(at('RSUD Tangerang')).toMatchObject({ name: 'RSUD Kabupaten Tangerang', opdType: 'rsud', authority: 'pemda' });
		expect(at('Rumah Sakit Umum Daerah Kabupaten Tangerang')!.name).toBe('RSUD Kabupaten Tangerang');
		expect(at('Satpol PP Kota Tangerang', { regency: '36.71', province: '36' })!.name).toBe('Satuan Polisi Pamong Praja Kota Tangerang');
		expect(titleCase(['kantor', 'imigrasi', 'kelas', 'i', 'dan', 'up3'])).toBe('Kantor Imigrasi Kelas I dan UP3');
	});

	it('places an agency in the region it names, which may not be the complaint’s', () => {
		expect(at('Dinas Pendidikan Provinsi Banten')).toMatchObject({
			name: 'Dinas Pendidikan Provinsi Banten',
			authority: 'pemprov',
			region: '36'
		});
		expect(at('Disdik Prov. Banten')!.name).toBe('Dinas Pendidikan Provinsi Banten');
		expect(at('Dinas Sosial Kota Tangerang')).toMatchObject({ name: 'Dinas Sosial Kota Tangerang', region: '36.71' });
		expect(at('Suku Dinas Sosial Kota Administrasi Jakarta Barat', { regency: '31.73', province: '31' })!.name).toBe(
			'Suku Dinas Sosial Kota Jakarta Barat'
		);
		expect(at('Sudin Sosial Jakarta Barat', { regency: '31.73', province: '31' })!.name).toBe('Suku Dinas Sosial Kota Jakarta Barat');
	});

	it('settles a name several regions share by the complaint’s region, and leaves it in the name otherwise', () => {
		expect(at('Polres Tangerang')).toMatchObject({ name: 'Polres Kabupaten Tangerang', authority: 'vertikal', opdType: 'kepolisian' });
		expect(at('Polres Tangerang', { regency: '36.74', province: '36' })!.name).toBe('Polres Tangerang Kota Tangerang Selatan');
	});

	it('reads a region written with other spaces, preferring the longest name', () => {
		expect(at('Dinas Komunikasi dan Informatika Pemerintah Kabupaten Batang Hari', { regency: null, province: null })!.name).toBe(
			'Dinas Komunikasi dan Informatika Kabupaten Batanghari'
		);
		expect(at('DPUPR Pemerintah Kabupaten Batang', { regency: null, province: null })!.name).toBe(
			'Dinas Pekerjaan Umum dan Penataan Ruang Kabupaten Batang'
		);
	});

	it('does not take a place inside the region for the region', () => {
		const where = { regency: '35.22', province: '35' };
		expect(at('Kecamatan Bojonegoro', where)).toMatchObject({ name: 'Kecamatan Bojonegoro Kabupaten Bojonegoro', opdType: 'kecamatan' });
		expect(at('Kantor Kecamatan Bojonegoro Kab. Bojonegoro', where)!.name).toBe('Kecamatan Bojonegoro Kabupaten Bojonegoro');
		expect(at('Desa Sukamaju Kec. Cikupa')!.name).toBe(at('Pemerintah Desa Sukamaju')!.name);
		expect(at('Universitas Negeri Padang', { regency: null, province: null })!.name).toBe('Universitas Negeri Padang');
		expect(at('BPJS Kesehatan KC Padang', { regency: null, province: null })).toMatchObject({ authority: 'vertikal', region: '13.71' });
	});

	it('keeps national bodies national and calls their regional offices vertical', () => {
		for (const s of ['Kementerian Sosial', 'Kementerian Sosial RI', 'Kemensos', 'KEMENTRIAN SOSIAL REPUBLIK INDONESIA'])
			expect(at(s), s).toEqual({
				name: 'Kementerian Sosial',
				opdType: 'kementerian',
				authority: 'kementerian',
				region: null,
				own: 'kementerian sosial'
			});
		expect(at('Kantor Kementerian Agama Kabupaten Tangerang')).toMatchObject({ authority: 'vertikal', region: '36.03' });
		expect(at('BPJS Kesehatan Cabang Tangerang')).toMatchObject({ authority: 'vertikal', opdType: 'bpjs', region: '36.03' });
		expect(at('BPJS Kesehatan')).toMatchObject({ authority: 'kementerian', region: null });
		expect(at('PT PLN (Persero)')).toEqual({
			name: 'PT PLN (Persero)',
			opdType: 'bumn',
			authority: 'bumn',
			region: null,
			own: 'pt pln persero'
		});
		expect(at('Kementerian Pendidikan dan Kebudayaan')!.name).toBe('Kementerian Pendidikan Kebudayaan Riset dan Teknologi');
		expect(at('Manajemen Pelaksana Program Kartu Prakerja')).toMatchObject({ authority: 'kementerian', opdType: 'lainnya' });
	});

	it('keeps unrecognised names apart per region, marked as such', () => {
		const a = at('Admin');
		const b = at('Admin', { regency: '36.71', province: '36' });
		expect(a).toMatchObject({ name: 'Admin Kabupaten Tangerang', authority: 'lainnya', opdType: 'lainnya' });
		expect(b!.name).toBe('Admin Kota Tangerang');
		expect(at('—  ...')).toBeNull();
		expect(agencyWords('Infra\u200Bstruktur\uFEFF Café')).toEqual(['infrastruktur', 'cafe']);
	});

	it('applies the table’s name rows, in one region or everywhere, and its authority', () => {
		const extra = parseAgencyTable(
			[
				'kind,from,to,region,authority,note',
				'word,dinsos,dinas sosial,,,',
				'name,Dinas Bina Marga dan Sumber Daya Air,Dinas Pekerjaan Umum dan Penataan Ruang,36.03,,one office in Kab. Tangerang',
				'name,Surabaya Command Center,,,pemda,'
			].join('\n'),
			'test.csv'
		);
		const c = agencyContext(extra, loadRules(), regionIndex(REGIONS, ALIASES));
		expect(canonicalAgency('Dinas Bina Marga dan Sumber Daya Air Kab. Tangerang', KAB, c)!.name).toBe(
			'Dinas Pekerjaan Umum dan Penataan Ruang Kabupaten Tangerang'
		);
		expect(canonicalAgency('Dinas Bina Marga dan Sumber Daya Air Kota Tangerang', KAB, c)!.name).toBe(
			'Dinas Bina Marga dan Sumber Daya Air Kota Tangerang'
		);
		expect(canonicalAgency('Surabaya Command Center', KAB, c)!.authority).toBe('pemda');
	});
});

describe('the alias table', () => {
	it('refuses bad rows with their line numbers, and fingerprints entries, not notes', () => {
		expect(() =>
			parseAgencyTable(
				'kind,from,to,region,authority,note\nword,dinsos,dinas sosial,36.03,,\nname,x,,,,\nfoo,a,b,,,\nword,dinsos,x,,,',
				't.csv'
			)
		).toThrow(/line 2: .*name rows only[\s\S]*line 3: .*needs a `to` or an authority[\s\S]*line 4: kind/);
		expect(() => parseAgencyTable('kind,from,to\n', 't.csv')).toThrow(/header/);
		const a = parseAgencyTable('kind,from,to,region,authority,note\nword,Dinsos,Dinas Sosial,,,one\n', 't.csv');
		const b = parseAgencyTable('kind,from,to,region,authority,note\nword,dinsos,dinas  sosial,,,another note\n', 't.csv');
		const c = parseAgencyTable('kind,from,to,region,authority,note\nword,dinsos,dinas sosial,,,\nword,kab,kabupaten,,,\n', 't.csv');
		expect(a.fingerprint).toBe(b.fingerprint);
		expect(c.fingerprint).not.toBe(a.fingerprint);
		expect(() => parseAgencyTable('kind,from,to,region,authority,note\nword,dinsos,a,,,\nword,DINSOS,b,,,\n', 't.csv')).toThrow(
			/line 3: "DINSOS" is listed twice/
		);
	});

	it('the shipped table loads, and no entry writes itself out again (which would never settle)', () => {
		for (const [from, to] of table.words) expect(` ${to.join(' ')} `, from).not.toContain(` ${from} `);
		expect(table.words.get('dinsos')).toEqual(['dinas', 'sosial']);
	});
});
