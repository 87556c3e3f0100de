// From complaint texts to the topic model's features, for a whole corpus (fit) and for one
// complaint (assignment), so `npm run topics`, `--assign-new` and `eval:topics` share one path:
//   text (frame.ts complaintText: salutation, sign-off, escapes gone) -> cleaned, tokenised,
//        spelling normalised (text.ts) -> place names out (places.ts) -> corpus boilerplate out
//        (boilerplate.ts) -> content stems + bigrams, and the surface word of each stem (labels.ts)
// What is learned from the corpus (place names, boilerplate runs, surface words) is learned only
// from the documents the fit may learn from: confidential complaints are assigned with the result,
// never learned from, so nothing only they contain can reach a label, a term or a stored list.

import { boilerplate, dropBoilerplate, learnBoilerplate, type Boilerplate } from './boilerplate.ts';
import { SurfaceForms } from './labels.ts';
import { learnSample } from './model.ts';
import { dropPlaces, learnPlaces, type PlaceIndex } from './places.ts';
import { contentPairsOf, normalise, stopwords, tokensOf, withBigrams } from './text.ts';

/** What a fit learned about its corpus, stored with the model (topic_fit) for `--assign-new`. */
export interface TextModel {
	places: PlaceIndex;
	boilerplate: Boilerplate;
}

export interface DocFeatures {
	/** normalised words, before places and boilerplate (the theme tagger's input) */
	prepared: string[];
	stems: string[];
	surfaces: string[];
	/** stems + bigrams: the model's features */
	features: string[];
}

/** documents the boilerplate runs are counted on, at most (an even spread of the learning sample) */
const BOILERPLATE_DOCS = 20_000;

/** Features of one text (a complaintText: its frame already stripped) under a learned text model. */
export function docFeatures(text: string, tm: TextModel, tokens: readonly string[] = tokensOf(text)): DocFeatures {
	const prepared = normalise(tokens);
	const kept = dropBoilerplate(dropPlaces(prepared, tm.places), tm.boilerplate);
	const { stems, surfaces } = contentPairsOf(kept);
	return { prepared, stems, surfaces, features: withBigrams(stems) };
}

export interface CorpusOptions {
	/** per document: may the fit learn from it (false for confidential complaints) */
	learnable?: readonly boolean[];
	/** per document: category (or agency) for the boilerplate's spread test; none: no boilerplate */
	categories?: readonly (string | null)[];
	/** place names from the reference tables and the export's location columns */
	placeNames?: readonly string[];
	/** documents sampled to learn places and boilerplate (default 40,000) */
	learnDocs?: number;
	seed?: number;
	/** called once per document with its features (e.g. to tag themes from `prepared`) */
	onDoc?: (i: number, f: DocFeatures) => void;
}

export interface CorpusFeatures {
	/** features per document, in input order */
	tokens: string[][];
	textModel: TextModel;
	/** surface words of the learnable documents */
	surfaces: SurfaceForms;
}

/** Learns places and boilerplate on a sample of the learnable documents, then features for all. */
export function corpusFeatures(texts: readonly string[], opts: CorpusOptions = {}): CorpusFeatures {
	const seed = opts.seed ?? 20240601;
	const sample = learnSample(opts.learnable, texts.length, opts.learnDocs ?? 40_000, seed);
	const raw = sample.map((i) => tokensOf(texts[i]!));
	const names = (opts.placeNames ?? []).map((n) => tokensOf(n)).filter((w) => w.length > 0);
	const places = learnPlaces(raw, names, { stopwords: stopwords() });
	let bp = boilerplate([]);
	if (opts.categories) {
		// every n-th of the (sorted, random) sample: 20,000 documents are plenty for shares of 0.2 % and more
		const stride = Math.ceil(raw.length / BOILERPLATE_DOCS);
		const pick = sample.flatMap((i, j) => (j % stride === 0 ? [j] : []));
		const words = pick.map((j) => dropPlaces(normalise(raw[j]!), places));
		bp = boilerplate(
			learnBoilerplate(
				words,
				pick.map((j) => opts.categories![sample[j]!] ?? null),
				{ stopwords: stopwords() }
			)
		);
	}
	const textModel: TextModel = { places, boilerplate: bp };
	// the sample is plenty to know which word people write for a stem
	const surfaces = new SurfaceForms();
	const sampled = new Map(sample.map((i, j) => [i, raw[j]!]));
	const tokens = texts.map((text, i) => {
		const known = sampled.get(i);
		const f = docFeatures(text, textModel, known);
		if (known) surfaces.add(f.stems, f.surfaces);
		opts.onDoc?.(i, f);
		return f.features;
	});
	return { tokens, textModel, surfaces };
}
