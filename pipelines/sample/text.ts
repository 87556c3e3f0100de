// Fills the complaint templates and roughens them the way real reports read: informal spellings,
// SMS brevity, tweets, the odd all-caps body, a contact number in the text.

import { DAY_MONTH, monthNameId, spokenDate } from './calendar';
import { formatPhone, type Identity } from './identity';
import type { RegionInfo } from './regions';
import type { Rng } from './rng';
import {
	ASPIRATION_TEXTS,
	CLOSERS,
	COMPANY_PARTS,
	CONTACT_SENTENCES,
	DETAILS,
	INFORMATION_TEXTS,
	NEIGHBOURS,
	OPENERS,
	SLANG,
	STREETS,
	TEXTS,
	VAGUE_TEXTS,
	type TopicTexts
} from './templates';

/** A template split into literal text and placeholder names once, at load time. */
type Compiled = readonly (string | { slot: string })[];

function compile(template: string): Compiled {
	const parts: (string | { slot: string })[] = [];
	const re = /\{([a-z]+)\}/g;
	let last = 0;
	for (let m = re.exec(template); m; m = re.exec(template)) {
		if (m.index > last) parts.push(template.slice(last, m.index));
		parts.push({ slot: m[1]! });
		last = m.index + m[0].length;
	}
	if (last < template.length) parts.push(template.slice(last));
	return parts;
}

interface CompiledTexts {
	titles: Compiled[];
	bodies: Compiled[];
}
const compileTexts = (t: TopicTexts): CompiledTexts => ({ titles: t.titles.map(compile), bodies: t.bodies.map(compile) });
const BY_TOPIC = new Map(Object.entries(TEXTS).map(([id, t]) => [id, compileTexts(t)]));
const ASPIRATION = compileTexts(ASPIRATION_TEXTS);
const INFORMATION = compileTexts(INFORMATION_TEXTS);
const VAGUE = compileTexts(VAGUE_TEXTS);
const OPENER = OPENERS.map(compile);
const DETAIL = DETAILS.map(compile);
const CLOSER = CLOSERS.map(compile);
const CONTACT = {
	phone: CONTACT_SENTENCES.phone.map(compile),
	email: CONTACT_SENTENCES.email.map(compile),
	both: CONTACT_SENTENCES.both.map(compile)
};

export interface TextContext {
	rng: Rng;
	region: RegionInfo;
	kecamatan: string;
	village: string;
	day: number;
	subject: string;
	identity: Identity;
}

const AMOUNTS = [25_000, 50_000, 100_000, 150_000, 200_000, 250_000, 300_000, 500_000, 750_000, 1_000_000, 1_500_000, 2_500_000];
const DURATIONS = ['2 minggu', '3 minggu', 'sebulan', '2 bulan', '3 bulan', '6 bulan', 'hampir setahun', 'lebih dari setahun'];
const TIMES = ['jam 10 malam', 'pukul 21.00', 'jam 2 pagi', 'sore hari', 'pukul 08.00', 'jam 9 pagi', 'tengah malam'];

const thousands = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');

function rupiah(rng: Rng): string {
	const v = rng.pick(AMOUNTS);
	switch (rng.int(4)) {
		case 0:
			return `Rp ${thousands(v)}`;
		case 1:
			return `Rp${thousands(v)}`;
		case 2:
			return `Rp. ${thousands(v)},-`;
		default:
			return v >= 1_000_000 ? `${v / 1_000_000} juta` : `${v / 1000}rb`;
	}
}

/** A 16-digit NIK-shaped number: region digits, kecamatan, birth date (+40 for women), serial. */
function syntheticNik(c: TextContext): string {
	const rng = c.rng;
	const two = (n: number) => (n < 10 ? '0' : '') + n;
	const day = rng.range(1, 28) + (rng.chance(0.5) ? 40 : 0);
	return `${c.region.code.replace('.', '')}${two(rng.range(1, 30))}${two(day)}${two(rng.range(1, 12))}${two(rng.range(60, 99) % 100)}${String(rng.range(1, 9999)).padStart(4, '0')}`;
}

function slotValue(slot: string, c: TextContext): string {
	const rng = c.rng;
	switch (slot) {
		case 'jalan': {
			const x = rng.float();
			if (x < 0.6) return rng.pick(STREETS);
			if (x < 0.85) return `Jl. Raya ${c.kecamatan}`;
			return `${rng.pick(STREETS)} No. ${rng.range(1, 120)}`;
		}
		case 'kel':
			return c.village;
		case 'kec':
			return c.kecamatan;
		case 'kab':
			return rng.chance(0.7) ? c.region.short : c.region.name;
		case 'rt': {
			const rt = rng.range(1, 15);
			const rw = rng.range(1, 12);
			const p = (n: number, w: number) => String(n).padStart(w, '0');
			return rng.pick([
				`RT ${p(rt, 2)}/RW ${p(rw, 2)}`,
				`RT ${p(rt, 3)} RW ${p(rw, 3)}`,
				`rt ${rt} rw ${rw}`,
				`RT.${p(rt, 2)}/RW.${p(rw, 2)}`
			]);
		}
		case 'tgl':
			return spokenDate(c.day - rng.range(1, 40), rng.chance(0.4));
		case 'durasi':
			return rng.chance(0.2) ? `${rng.range(3, 20)} hari` : rng.pick(DURATIONS);
		case 'nominal':
			return rupiah(rng);
		case 'n':
			return String(rng.range(2, 9));
		case 'sekolah': {
			const n = rng.range(1, 12);
			return rng.pick([
				`SDN ${n} ${c.village}`,
				`SMPN ${n} ${c.region.bare}`,
				`SMAN ${n} ${c.region.bare}`,
				`SMK Negeri ${n} ${c.region.bare}`,
				`SD Negeri ${c.village} ${n}`
			]);
		}
		case 'faskes':
			return rng.chance(0.5) ? `RSUD ${c.region.bare}` : `Puskesmas ${c.kecamatan}`;
		case 'pt':
			return `PT ${rng.pick(COMPANY_PARTS.a)} ${rng.pick(COMPANY_PARTS.b)}${rng.chance(0.5) ? ' ' + rng.pick(COMPANY_PARTS.c) : ''}`;
		case 'nik':
			return syntheticNik(c);
		case 'jam':
			return rng.pick(TIMES);
		case 'bulan':
			return monthNameId(DAY_MONTH[Math.max(0, c.day)]! - rng.range(0, 3));
		case 'tetangga':
			return rng.pick(NEIGHBOURS);
		case 'subject':
			return c.subject;
		case 'phone':
			return formatPhone(c.identity.phone, rng.int(5));
		case 'email':
			return c.identity.email;
		default:
			throw new Error(`template slot {${slot}} has no filler`);
	}
}

function fill(t: Compiled, c: TextContext): string {
	let s = '';
	for (const part of t) s += typeof part === 'string' ? part : slotValue(part.slot, c);
	return s;
}

const SLANG_RE = new RegExp(
	`\\b(${Object.keys(SLANG)
		.sort((a, b) => b.length - a.length)
		.join('|')})\\b`,
	'gi'
);

/** Swaps words for their informal spellings with probability `rate`, keeping a leading capital. */
function informalise(text: string, rng: Rng, rate: number): string {
	if (rate <= 0) return text;
	return text.replace(SLANG_RE, (word) => {
		if (!rng.chance(rate)) return word;
		const alt = rng.pick(SLANG[word.toLowerCase()]!);
		return word[0] !== word[0]!.toLowerCase() ? alt[0]!.toUpperCase() + alt.slice(1) : alt;
	});
}

function shorten(text: string, max: number): string {
	if (text.length <= max) return text;
	const cut = text.lastIndexOf(' ', max);
	return text.slice(0, cut > max / 2 ? cut : max);
}

/** An auto-title as channels without a title field get one: the opening words of the body. */
const excerpt = (text: string) => (text.length <= 40 ? text : `${shorten(text, 40)}...`);

type Register = 'formal' | 'casual' | 'sloppy';
export type TextKind = 'topic' | 'aspiration' | 'information' | 'vague';

export interface ComplaintText {
	title: string;
	body: string;
}

/** Title and body of one complaint, shaped by the channel it came in through. */
export function writeComplaint(topicId: string, kind: TextKind, channel: string, withContact: boolean, c: TextContext): ComplaintText {
	const rng = c.rng;
	const set = kind === 'vague' ? VAGUE : kind === 'aspiration' ? ASPIRATION : kind === 'information' ? INFORMATION : BY_TOPIC.get(topicId);
	if (!set) throw new Error(`no texts for topic ${topicId}`);
	const core = fill(rng.pick(set.bodies), c);
	let title = fill(rng.pick(set.titles), c);
	const register: Register = pickRegister(channel, rng);
	const rate = register === 'formal' ? 0 : register === 'casual' ? 0.45 : 0.9;
	const contact = withContact ? contactSentence(c) : '';

	if (channel === 'SMS 1708') {
		let body = informalise(core, rng, 0.9).toLowerCase();
		if (contact) body += ' ' + contact;
		body = shorten(body, 300);
		if (topicId.startsWith('cv_') && rng.chance(0.25)) body = `Kemsos ${body}`;
		return { title: rng.chance(0.5) ? excerpt(body) : title, body };
	}
	if (channel === 'Twitter') {
		let body = informalise(core, rng, rate || 0.45);
		if (contact) body += ' ' + contact;
		body = `@LAPOR1708 ${shorten(body, 230)} #lapor`;
		return { title: rng.chance(0.4) ? excerpt(core) : title, body };
	}

	const parts: string[] = [];
	if (kind !== 'vague' && rng.chance(0.35)) parts.push(fill(rng.pick(OPENER), c));
	parts.push(core);
	if (kind === 'topic' && rng.chance(0.3)) parts.push(fill(rng.pick(DETAIL), c));
	if (kind !== 'vague' && rng.chance(0.6)) parts.push(fill(rng.pick(CLOSER), c));
	if (contact) parts.push(contact);
	// Web forms keep the reporter's line breaks; apps mostly send one paragraph.
	const joiner = channel === 'Website' && rng.chance(0.25) ? (rng.chance(0.5) ? '\n' : '\n\n') : ' ';
	let body = informalise(parts.join(joiner), rng, rate);
	if (register === 'sloppy' && rng.chance(0.5)) body = body.toLowerCase();
	if (rng.chance(0.02)) body = body.toUpperCase();
	if (rng.chance(0.03)) title = title.toUpperCase();
	else if (register === 'sloppy' && rng.chance(0.4)) title = title.toLowerCase();
	return { title, body };
}

function pickRegister(channel: string, rng: Rng): Register {
	const x = rng.float();
	if (channel === 'SMS 1708') return x < 0.8 ? 'sloppy' : 'casual';
	if (channel === 'WhatsApp' || channel === 'Twitter') return x < 0.2 ? 'formal' : x < 0.7 ? 'casual' : 'sloppy';
	return x < 0.5 ? 'formal' : x < 0.85 ? 'casual' : 'sloppy';
}

function contactSentence(c: TextContext): string {
	const x = c.rng.float();
	const pool = x < 0.6 ? CONTACT.phone : x < 0.85 ? CONTACT.email : CONTACT.both;
	return fill(c.rng.pick(pool), c);
}
