// Pure core of the sample generator: reference regions in, complaint rows out, no I/O. Rows come
// out in the order of Tanggal Laporan, one day at a time, so memory does not grow with the size.

import type { Lifecycle, OpdType } from '../../src/lib/core/vocab';
import { agencyFor } from './agencies';
import {
	ANONYMOUS_SHARE,
	CATEGORY_SHARES,
	CHANNEL_SHARES,
	CLASSIFICATION_SHARES,
	CONFIDENTIAL_SHARE,
	CONTACT_IN_BODY_SHARE,
	COVID_TAIL,
	COVID_WINDOW,
	HOUR_VOLUME,
	REGION_CODE_SHARE,
	REPEAT_REPORTER_SHARE,
	TIERS,
	TRACKING_ID_FIRST,
	TRACKING_ID_LAST,
	UNCATEGORISED_SHARE
} from './anchors';
import { DAY_COUNT, DAY_MONTH, DAY_SECONDS, DAY_YEAR, dayOf, FIRST_YEAR, formatTime, MONTH_START, YEARS } from './calendar';
import type { SampleColumns } from './csv';
import { breakRow, type DirtyKind } from './dirty';
import { identityFor, reporterColumns } from './identity';
import { MASK_ALL, MASK_FOLLOWED, MASK_NOT_FOLLOWED, Quota, statusLabel, TIER_INDEX, tierTilt, timeline, yearUrns } from './outcome';
import { KIND_BANSOS, KIND_COVID_OTHER, KIND_NORMAL, planVolume, type Kind } from './plan';
import { ambiguousBareNames, buildRegions, writeLocation, type RegionRef } from './regions';
import { cumulative, mix32, pickCumulative, Rng, Weighted } from './rng';
import { VILLAGES } from './templates';
import { writeComplaint, type TextKind } from './text';
import { TOPICS, topCategory, type ClassificationLabel, type Topic } from './taxonomy';

export { toCsvLine, toCsvText, CSV_EOL, CSV_HEADER_LINE } from './csv';
export interface SampleOptions {
	rows: number;
	seed: number;
	/** Fraction of rows deliberately broken (0..1); exactly round(rows * dirty) rows. */
	dirty?: number;
	regions: readonly RegionRef[];
}

/** What the generator knows about a row beyond its columns (for tests; not written to CSV). */
export interface SampleMeta {
	regionCode: string;
	kind: 'normal' | 'covid_bansos' | 'covid_other';
	status: Lifecycle;
	opdType: OpdType;
	topic: string;
	/** Seconds since 2018-01-01 00:00 WIB. */
	created: number;
	dirty: DirtyKind | null;
}

export type SampleRow = SampleColumns & { meta: SampleMeta };

const KIND_NAME = ['normal', 'covid_bansos', 'covid_other'] as const;
const HOUR_CDF = cumulative(HOUR_VOLUME);
const RECENT_IDS = 500;

/** Topic tables per month: a topic is in the month's table if its window touches the month. */
function monthTables(topics: readonly Topic[], weightOf: (t: Topic, active: readonly Topic[]) => number): (Weighted<Topic> | null)[] {
	return Array.from({ length: YEARS * 12 }, (_, m) => {
		const first = MONTH_START[m]!;
		const last = MONTH_START[m + 1]! - 1;
		const active = topics.filter((t) => (!t.from || dayOf(t.from) <= last) && (!t.to || dayOf(t.to) >= first));
		const entries = active.map((t) => [t, weightOf(t, active)] as const).filter(([, w]) => w > 0);
		return entries.length ? new Weighted(entries) : null;
	});
}

const activeOn = (t: Topic, day: number) => (!t.from || dayOf(t.from) <= day) && (!t.to || dayOf(t.to) >= day);

export function* generateComplaints(opts: SampleOptions): Generator<SampleRow> {
	const { rows, seed } = opts;
	if (!Number.isInteger(rows) || rows < 0) throw new Error(`rows must be a non-negative integer, got ${rows}`);
	const dirtyRate = opts.dirty ?? 0;
	if (!(dirtyRate >= 0 && dirtyRate <= 1)) throw new Error(`dirty must be between 0 and 1, got ${dirtyRate}`);
	const regions = buildRegions(opts.regions);
	// Row keys pack the region index into 10 bits.
	if (regions.length === 0 || regions.length > 1024) throw new Error(`expected 1..1024 regions, got ${regions.length}`);
	const R = regions.length;

	const plan = planVolume(rows, regions, new Rng(seed, 'plan'));
	const rng = new Rng(seed, 'rows');
	const dirtyRng = new Rng(seed, 'dirty');
	const urns = yearUrns(plan.yearRows);
	const forced = plan.forced.map((w) => ({ ...w, quota: new Quota(w.rows, w.followed) }));
	const dirtyQuota = new Quota(rows, Math.round(rows * dirtyRate));

	const normalTopics = TOPICS.filter((t) => !t.covid);
	const topWeight = (t: Topic, active: readonly Topic[]) => {
		const top = topCategory(t);
		const sum = active.filter((a) => topCategory(a) === top).reduce((s, a) => s + a.weight, 0);
		return ((CATEGORY_SHARES[top] ?? 0) * t.weight) / sum;
	};
	const normalByMonth = monthTables(normalTopics, topWeight);
	const bansosByMonth = monthTables(
		TOPICS.filter((t) => t.covid === 'bansos'),
		(t) => t.weight
	);
	const covidByMonth = monthTables(
		TOPICS.filter((t) => t.covid === 'other'),
		(t) => t.weight
	);
	const tailByMonth = monthTables(
		TOPICS.filter((t) => t.covid === 'tail'),
		(t) => t.weight
	);
	const tailFrom = dayOf(COVID_TAIL.from);
	const agencyPick = new Map(TOPICS.map((t) => [t.id, new Weighted(t.agencies)]));
	const defaultClassification = new Weighted(Object.entries(CLASSIFICATION_SHARES) as [ClassificationLabel, number][]);
	const classificationPick = new Map(
		TOPICS.filter((t) => t.classification).map((t) => [
			t.id,
			new Weighted(Object.entries(t.classification!) as [ClassificationLabel, number][])
		])
	);
	const channelPick = Array.from({ length: YEARS }, (_, y) => new Weighted(Object.entries(CHANNEL_SHARES[FIRST_YEAR + y]!)));
	const poolSize = Array.from(plan.regionRows, (n) => Math.max(3, Math.round(n * 0.04)));
	const ambiguous = ambiguousBareNames(regions);
	const ambiguousSet = new Set(ambiguous);
	const surgeFrom = dayOf('2020-04-01');
	const surgeTo = dayOf(COVID_WINDOW.to);
	const tilt = new Float64Array(TIERS.length);
	const recentIds: string[] = [];
	const idSpan = TRACKING_ID_LAST - TRACKING_ID_FIRST;

	let index = 0;
	let lastId = 0;
	const keys: number[] = [];
	for (let day = 0; day < DAY_COUNT; day++) {
		// Collect the day's rows as sortable keys: second of day, region, kind.
		keys.length = 0;
		const base = day * R;
		for (let r = 0; r < R; r++)
			for (let kind = 0; kind < 3; kind++) {
				const n = plan.cells[kind as Kind][base + r]!;
				for (let k = 0; k < n; k++) {
					const sec = pickCumulative(rng, HOUR_CDF) * 3600 + rng.int(3600);
					keys.push(sec * 4096 + r * 4 + kind);
				}
			}
		keys.sort((a, b) => a - b);
		const month = DAY_MONTH[day]!;
		const year = DAY_YEAR[day]!;
		const yi = year - FIRST_YEAR;

		for (const key of keys) {
			const sec = Math.floor(key / 4096);
			const r = (key >> 2) & 1023;
			const kind = (key & 3) as Kind;
			const region = regions[r]!;
			const created = day * DAY_SECONDS + sec;

			let id = TRACKING_ID_FIRST + Math.floor((idSpan * (index + rng.float())) / rows);
			if (id <= lastId) id = lastId + 1;
			lastId = id;

			const channel = channelPick[yi]!.pick(rng);
			const table =
				kind === KIND_BANSOS ? bansosByMonth : kind === KIND_COVID_OTHER ? (day >= tailFrom ? tailByMonth : covidByMonth) : normalByMonth;
			const topic = pickTopic(table[month]!, day, rng);
			const classification = (classificationPick.get(topic.id) ?? defaultClassification).pick(rng);
			const kecamatan = region.districts.length ? rng.pick(region.districts) : region.bare;
			const village = rng.pick(VILLAGES);
			const agency = agencyFor(agencyPick.get(topic.id)!.pick(rng), { region, kecamatan, village, day }, rng);

			const window = forced.find((w) => w.region === r && day >= w.fromDay && day <= w.toDay);
			const mask = window ? (window.quota.next(rng) ? MASK_FOLLOWED : MASK_NOT_FOLLOWED) : MASK_ALL;
			const dinsosSurge = agency.type === 'dinsos' && day >= surgeFrom && day <= surgeTo;
			const covid = kind !== KIND_NORMAL;
			const drawn = urns[yi]!.draw(rng, tierTilt({ channel, opd: agency.type, covid, dinsosSurge }, tilt), mask);
			const tl = timeline(
				drawn,
				{ created, year, opd: agency.type, covid, dinsosSurge, fastRegion: !!window, mustFollow: mask === MASK_FOLLOWED },
				rng
			);
			const tier = tl.tier;

			// Reporters may leave the addressee open; admins fill it in when they route the report.
			const early = tier === TIER_INDEX.dihapus || tier === TIER_INDEX.ditunda || tier === TIER_INDEX.belum_terverifikasi;
			const unrouted = tier === TIER_INDEX.terverifikasi || tier === TIER_INDEX.arsip;
			const agencyName = (early && rng.chance(0.4)) || (unrouted && rng.chance(0.2)) ? '' : agency.name;

			const anonymous = rng.chance(ANONYMOUS_SHARE);
			const confidential = rng.chance(CONFIDENTIAL_SHARE);
			const repeat = rng.chance(REPEAT_REPORTER_SHARE);
			const u = rng.float();
			const identity = identityFor(repeat ? mix32(seed, 1, r, Math.floor(poolSize[r]! * u * u)) : mix32(seed, 2, index));

			const textKind: TextKind =
				tier === TIER_INDEX.dihapus && rng.chance(0.5)
					? 'vague'
					: classification === 'Aspirasi' && topic.id !== 'saran'
						? 'aspiration'
						: classification === 'Permintaan Informasi' && rng.chance(0.7)
							? 'information'
							: 'topic';
			const text = writeComplaint(topic.id, textKind, channel, rng.chance(CONTACT_IN_BODY_SHARE), {
				rng,
				region,
				kecamatan,
				village,
				day,
				subject: topic.subject,
				identity
			});

			const reporter = reporterColumns(identity, channel, anonymous, rng);
			const kategori = kind === KIND_NORMAL && rng.chance(UNCATEGORISED_SHARE) ? '' : topic.path;
			const row: SampleRow = {
				'ID Tracking': String(id),
				'Tanggal Laporan': formatTime(created),
				'Judul Laporan': text.title,
				'Isi Laporan': text.body,
				Kategori: kategori,
				Klasifikasi: classification,
				Sumber: channel,
				Lokasi: writeLocation(region, rng),
				'Kode Wilayah': rng.chance(REGION_CODE_SHARE) ? region.code : '',
				'Instansi Tujuan': agencyName,
				Status: statusLabel(tier, agency.name, rng),
				Anonim: anonymous ? 'Ya' : 'Tidak',
				Rahasia: confidential ? 'Ya' : 'Tidak',
				'Tanggal Verifikasi': tl.verified >= 0 ? formatTime(tl.verified) : '',
				'Tanggal Disposisi': tl.disposed >= 0 ? formatTime(tl.disposed) : '',
				'Tanggal Tindak Lanjut': tl.followed >= 0 ? formatTime(tl.followed) : '',
				'Tanggal Selesai': tl.closed >= 0 ? formatTime(tl.closed) : '',
				'Nama Pelapor': reporter.name,
				'Email Pelapor': reporter.email,
				'Telepon Pelapor': reporter.phone,
				meta: {
					regionCode: region.code,
					kind: KIND_NAME[kind],
					status: TIERS[tier]!,
					opdType: agency.type,
					topic: topic.id,
					created,
					dirty: null
				}
			};

			if (dirtyQuota.next(dirtyRng))
				row.meta.dirty = breakRow(row, dirtyRng, {
					recentIds,
					ownAmbiguous: ambiguousSet.has(region.bare) ? region.bare : null,
					ambiguousNames: ambiguous
				});
			if (recentIds.length < RECENT_IDS) recentIds.push(String(id));
			else recentIds[index % RECENT_IDS] = String(id);
			index++;
			yield row;
		}
	}
	if (index !== rows) throw new Error(`internal: planned ${rows} rows, produced ${index}`);
}

/** A topic active on `day` from the month's table (topics can start or end mid-month). */
function pickTopic(table: Weighted<Topic>, day: number, rng: Rng): Topic {
	for (let attempt = 0; attempt < 20; attempt++) {
		const t = table.pick(rng);
		if (activeOn(t, day)) return t;
	}
	return table.items.find((t) => activeOn(t, day)) ?? table.items[0]!;
}
