import { describe, expect, it } from 'vitest';
import {
	agencyComplaintsHref,
	districtWithin,
	filterParams,
	filterQuery,
	filterSuffix,
	isFiltered,
	NO_FILTERS,
	parseFilters
} from './filters';

const p = (qs: string) => parseFilters(new URLSearchParams(qs));

describe('global filters', () => {
	it('parses every filter, blanks meaning "none"', () => {
		expect(p('')).toEqual({ ok: true, filters: NO_FILTERS });
		expect(p('from=2020-03&to=2021-01&region=36.03&category=Corona%20Virus&channel=sms&status=selesai')).toEqual({
			ok: true,
			filters: {
				...NO_FILTERS,
				from: '2020-03',
				to: '2021-01',
				region: '36.03',
				category: 'Corona Virus',
				channel: 'sms',
				status: 'selesai'
			}
		});
		expect(p('region=&category=&channel=&status=&district=&agency=')).toEqual({ ok: true, filters: NO_FILTERS });
	});

	it('takes a kecamatan inside its kab/kota only, and implies the kab/kota when no region is given', () => {
		expect(p('region=35.78&district=35.78.01')).toEqual({ ok: true, filters: { ...NO_FILTERS, region: '35.78', district: '35.78.01' } });
		expect(p('district=35.78.01')).toEqual({ ok: true, filters: { ...NO_FILTERS, region: '35.78', district: '35.78.01' } });
		for (const qs of ['region=35&district=35.78.01', 'region=36.03&district=35.78.01'])
			expect(p(qs), qs).toEqual({ ok: false, problem: { kind: 'value', param: 'district', value: '35.78.01' } });
		for (const bad of ['35.78', '35.78.1', "35.78.01' OR 1=1", '35.78.01.2001'])
			expect(p(`district=${encodeURIComponent(bad)}`), bad).toMatchObject({ ok: false, problem: { param: 'district' } });
		expect([
			districtWithin(null, null),
			districtWithin('35.78.01', '35.78'),
			districtWithin('35.78.01', '35'),
			districtWithin('35.78.01', null)
		]).toEqual([true, true, false, false]);
	});

	it('drops the kecamatan and agency the filter bar offered for a kab/kota when its region was changed', () => {
		const kept = p('choices_for=35.78&region=35.78&district=35.78.01&agency=Dinas%20Sosial%20Kota%20Surabaya');
		expect(kept).toMatchObject({ ok: true, filters: { region: '35.78', district: '35.78.01', agency: 'Dinas Sosial Kota Surabaya' } });
		for (const qs of ['choices_for=35.78&region=35&district=35.78.01&agency=X', 'choices_for=35.78&region=&district=35.78.01&agency=X'])
			expect(p(qs), qs).toMatchObject({ ok: true, filters: { district: null, agency: null } });
	});

	it('links an agency to its complaints under the filters, in its own region when given', () => {
		const f = { ...NO_FILTERS, from: '2023-01', region: '35.78', district: '35.78.01' };
		expect(agencyComplaintsHref(f, 'Dinas Sosial Kota Surabaya')).toBe(
			'/aduan?from=2023-01&region=35.78&district=35.78.01&agency=Dinas+Sosial+Kota+Surabaya'
		);
		expect(agencyComplaintsHref(f, 'Dinas Sosial Kabupaten Tangerang', '36.03')).toBe(
			'/aduan?from=2023-01&region=36.03&agency=Dinas+Sosial+Kabupaten+Tangerang'
		);
		expect(agencyComplaintsHref({ ...NO_FILTERS, region: '36' }, 'Kementerian Sosial', null)).toBe('/aduan?agency=Kementerian+Sosial');
	});

	it('takes an agency name as written, one line of at most 200 characters', () => {
		const name = 'Dinas Sosial Kota Surabaya';
		expect(p(`agency=${encodeURIComponent(` ${name} `)}`)).toEqual({ ok: true, filters: { ...NO_FILTERS, agency: name } });
		expect(p(`agency=${'x'.repeat(201)}`)).toMatchObject({ ok: false, problem: { param: 'agency' } });
		expect(p(`agency=${encodeURIComponent('Dinas\nSosial')}`)).toMatchObject({ ok: false, problem: { param: 'agency' } });
	});

	it('names the bad parameter, period problems first', () => {
		expect(p('region=36.3')).toEqual({ ok: false, problem: { kind: 'value', param: 'region', value: '36.3' } });
		expect(p("region=36' OR 1=1")).toMatchObject({ ok: false, problem: { param: 'region' } });
		expect(p('channel=fax')).toEqual({ ok: false, problem: { kind: 'value', param: 'channel', value: 'fax' } });
		expect(p('status=open')).toMatchObject({ ok: false, problem: { param: 'status' } });
		expect(p(`category=${'x'.repeat(121)}`)).toMatchObject({ ok: false, problem: { param: 'category' } });
		expect(p('from=2020-13&channel=fax')).toMatchObject({ ok: false, problem: { kind: 'format', param: 'from' } });
	});

	it('builds bound parameters, links and file-name suffixes', () => {
		expect(filterParams({ from: '2020-03', to: '2020-12', region: '36' })).toEqual({
			start: '2020-03-01',
			end: '2021-01-01',
			region: '36',
			category: null,
			channel: null,
			status: null,
			district: null,
			agency: null
		});
		expect(isFiltered(NO_FILTERS)).toBe(false);
		expect(isFiltered({ ...NO_FILTERS, status: 'selesai' })).toBe(true);
		expect(filterQuery({ ...NO_FILTERS, region: '36', category: 'A & B' }, { sort: 'n', x: null })).toBe(
			'?region=36&category=A+%26+B&sort=n'
		);
		expect(filterSuffix({ ...NO_FILTERS, from: '2020-01', category: 'Corona Virus / "x"' })).toBe('_2020-01_akhir_corona-virus-x');
		expect(filterSuffix({ ...NO_FILTERS, region: '35.78', district: '35.78.01', agency: 'Dinas Sosial Kota Surabaya' })).toBe(
			'_35.78_35.78.01_dinas-sosial-kota-surabaya'
		);
	});
});
