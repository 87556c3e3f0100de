// Text pipeline for Indonesian complaint texts: pure functions from a string to feature terms.
//   stripFrame() (frame.ts) escapes, markup, salutation, greeting, sign-off, channel tags
//   clean()     lower-case, NFKC, mask e-mails, URLs, phone numbers (also LAPOR!'s 0[*****]9) and numbers
//   tokenize()  words a-z, reduplication ("anak-anak", "anak2") folded to one word
//   normalise() informal spellings / abbreviations -> standard words (normalisation.json)
//   analyse()   all of the above, stopwords out, Snowball-Indonesian stems, unigrams + bigrams
// Bigrams are built over the content words left after stopword removal and are written "a_b".

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import NORMALISATION from './normalisation.json' with { type: 'json' };
import STEM_EXCEPTIONS from './stem-exceptions.json' with { type: 'json' };
import { stripFrame } from './frame.ts';
import { stemId } from './stemmer.ts';

export const MASK = { url: '_url_', email: '_email_', phone: '_phone_', number: '_num_' } as const;
const MASK_TOKENS: ReadonlySet<string> = new Set(Object.values(MASK));

const EMAIL = /[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}/g;
const URL = /\b(?:https?:\/\/|www\.)\S+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|id|net|org|go\.id|co\.id|ac\.id|ly|me|io)(?:\/\S*)?/g;
// 08xx / +62 8xx / 62 8xx with optional separators, 9-14 digits; and LAPOR!'s masked 0[*****]9.
const PHONE = /(?:\+?62|\b0)[\s.-]?8\d{1,3}(?:[\s.-]?\d{2,5}){1,3}\b|\b0\[\*+\]\d*/g;
const NUMBER = /\d+(?:[.,:/-]\d+)*/g;

/** Lower-cases and masks contact data and numbers. Keeps everything else (punctuation too). */
export function clean(text: string): string {
	return text
		.normalize('NFKC')
		.toLowerCase()
		.replace(EMAIL, ` ${MASK.email} `)
		.replace(URL, ` ${MASK.url} `)
		.replace(PHONE, ` ${MASK.phone} `)
		.replace(/\b([a-z]{2,})2\b/g, '$1') // reduplication written "anak2"
		.replace(NUMBER, ` ${MASK.number} `);
}

const WORD = /_(?:url|email|phone|num)_|[a-z]+(?:-[a-z]+)*/g;

/** Words of a cleaned text; reduplications "anak-anak" become "anak". */
export function tokenize(cleaned: string): string[] {
	const out: string[] = [];
	for (const m of cleaned.matchAll(WORD)) {
		let w = m[0];
		if (w.includes('-')) {
			const parts = w.split('-');
			// reduplication (anak-anak) keeps one part; anything else (e-ktp, ktp-el) is joined
			w = parts.every((p) => p === parts[0]) ? parts[0]! : parts.join('');
		}
		out.push(w);
	}
	return out;
}

const TABLE: ReadonlyMap<string, readonly string[]> = new Map(
	Object.entries(NORMALISATION as Record<string, string>)
		.filter(([k]) => !k.startsWith('_'))
		.map(([k, v]) => [k, v.split(' ')])
);

/** Replaces informal spellings and abbreviations by their standard words (may expand one to several). */
export function normalise(tokens: readonly string[], table: ReadonlyMap<string, readonly string[]> = TABLE): string[] {
	const out: string[] = [];
	for (const t of tokens) {
		const v = table.get(t);
		if (v) out.push(...v);
		else out.push(t);
	}
	return out;
}

const REFERENCE_DIR = resolve(import.meta.dirname, '../../data/reference');
const readList = (file: string) =>
	readFileSync(resolve(REFERENCE_DIR, file), 'utf8')
		.split(/\r?\n/)
		.map((w) => w.trim().toLowerCase())
		.filter(Boolean);

/**
 * Words that carry no topic in a complaint: courtesy and address forms, generic complaint words.
 * Compared after normalisation, before stemming.
 */
const DOMAIN_STOPWORDS: readonly string[] = [
	'mohon',
	'tolong',
	'terima',
	'kasih',
	'bapak',
	'ibu',
	'pak',
	'bu',
	'yth',
	'hormat',
	'admin',
	'min',
	'mas',
	'mbak',
	'selamat',
	'pagi',
	'siang',
	'sore',
	'malam',
	'assalamualaikum',
	'wr',
	'wb',
	'salam',
	'sehat',
	'halo',
	'hallo',
	'saya',
	'kami',
	'kita',
	'nya',
	'lapor',
	'laporan',
	'melaporkan',
	'dilaporkan',
	'keluhan',
	'mengeluhkan',
	'pengaduan',
	'ditindaklanjuti',
	'tindak',
	'lanjut',
	'segera',
	'harap',
	'berharap',
	'sekian',
	'atas',
	'perhatiannya',
	'perhatian',
	'informasinya',
	'dipertimbangkan',
	'sampai',
	'sudah',
	'belum',
	'tidak',
	'juga',
	'sama',
	'banget',
	'sangat',
	'tersebut',
	'yang',
	'bersangkutan',
	'terus',
	'lagi',
	'saja',
	'sekarang',
	'kemarin',
	'hari',
	'bulan',
	'tahun',
	'minggu',
	'jam',
	'kenapa',
	'bagaimana',
	'apakah',
	'kapan',
	'mana',
	'dll',
	'lain',
	'sebagainya',
	'the',
	'and',
	'of'
];

let defaultStopwords: ReadonlySet<string> | undefined;
/** Tala (stopwords-iso) + Sastrawi lists from data/reference, plus DOMAIN_STOPWORDS. */
export function stopwords(): ReadonlySet<string> {
	defaultStopwords ??= new Set([...readList('stopwords_id_tala.txt'), ...readList('stopwords_id_sastrawi.txt'), ...DOMAIN_STOPWORDS]);
	return defaultStopwords;
}

export interface AnalyseOptions {
	stopwords?: ReadonlySet<string>;
	stem?: boolean;
	bigrams?: boolean;
	/** words shorter than this are dropped (default 3) */
	minLength?: number;
}

const EXCEPTIONS: ReadonlyMap<string, string> = new Map(
	Object.entries(STEM_EXCEPTIONS as Record<string, string>).filter(([k]) => !k.startsWith('_'))
);

const stemCache = new Map<string, string>();
/** stemId with the exceptions of stem-exceptions.json first, cached (vocabularies are small, texts many). */
export function stem(word: string): string {
	const fixed = EXCEPTIONS.get(word);
	if (fixed !== undefined) return fixed;
	let s = stemCache.get(word);
	if (s === undefined) {
		s = stemId(word);
		if (stemCache.size < 500_000) stemCache.set(word, s);
	}
	return s;
}

/** Words of a text, cleaned and tokenised, before spelling normalisation (frame left as it is). */
export const tokensOf = (text: string): string[] => tokenize(clean(text));

/** Words of a text without its frame (frame.ts), cleaned, tokenised, normalised, masks kept. */
export const prepare = (text: string): string[] => normalise(tokensOf(stripFrame(text)));

/** Content words of prepared words: stopwords, masks and short words out, stemmed. */
export function contentWordsOf(words: readonly string[], opts: AnalyseOptions = {}): string[] {
	return contentPairsOf(words, opts).stems;
}

/** contentWordsOf with the word each stem came from (`surfaces[i]` gave `stems[i]`), for labels. */
export function contentPairsOf(words: readonly string[], opts: AnalyseOptions = {}): { stems: string[]; surfaces: string[] } {
	const stop = opts.stopwords ?? stopwords();
	const minLength = opts.minLength ?? 3;
	const doStem = opts.stem ?? true;
	const stems: string[] = [];
	const surfaces: string[] = [];
	for (const w of words) {
		if (MASK_TOKENS.has(w) || w.length < minLength || stop.has(w)) continue;
		const s = doStem ? stem(w) : w;
		if (s.length < minLength) continue; // not stop.has(s): 'diperbaiki' -> 'baik' is a content stem
		stems.push(s);
		surfaces.push(w);
	}
	return { stems, surfaces };
}

/** Content words of a text: cleaned, tokenised, normalised, stopwords and masks out, stemmed. */
export const contentWords = (text: string, opts: AnalyseOptions = {}): string[] => contentWordsOf(prepare(text), opts);

/** Unigrams followed by bigrams ("a_b") of adjacent content words. */
export function withBigrams(words: readonly string[]): string[] {
	const out = [...words];
	for (let i = 1; i < words.length; i++) if (words[i - 1] !== words[i]) out.push(`${words[i - 1]}_${words[i]}`);
	return out;
}

/** The features of one text for the topic model. */
export function analyse(text: string, opts: AnalyseOptions = {}): string[] {
	const words = contentWords(text, opts);
	return opts.bigrams === false ? words : withBigrams(words);
}
