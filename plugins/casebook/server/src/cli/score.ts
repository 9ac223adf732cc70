import { SequenceMatcher } from 'difflib';

/**
 * The matching of the shared extraction scorer (`../shared/tools/score-extraction.py`), by which the importer
 * is judged, in TypeScript: so that `casebook eval` scores the seeds without Python and prints figures by genre.
 * A test runs both scorers on the same extraction and requires the same figures.
 */

export const MEASURES = ['owner', 'case', 'metric', 'initiative'] as const;
export type Measure = (typeof MEASURES)[number];

/** A document as `casebook extract --json` prints it and as the annotations give it (the fields scored). */
export type ScoredMetric = { value?: unknown; unit?: string | null };
export type ScoredCase = { hospital?: string | null; title?: string | null; metrics?: ScoredMetric[]; initiatives?: Array<{ name?: string | null }> };
export type ScoredDocument = { cases?: ScoredCase[] | null; metrics?: ScoredMetric[] | null; initiatives?: Array<{ name?: string | null }> | null };

/** Matched, predicted and gold items of one measure. */
export type Tally = { matched: number; predicted: number; gold: number };
export type Figures = { precision: number; recall: number; f1: number };

const IGNORED = /[\s"'“”‘’「」『』《》<>()（）·•:：,，.。、!！?？]/gu;
const norm = (text: string | null | undefined) => (text ?? '').normalize('NFKC').replace(IGNORED, '');
const length = (text: string) => [...text].length;

const PLACEHOLDERS = new Set(['我院', '本院', '该院', '醫院', '医院']);

/** Unnamed or anonymised hospitals (我院, x市x中医医院), which cannot be scored as names. */
export const isPlaceholder = (hospital: string | null | undefined): boolean => {
  const name = norm(hospital);
  return !name || PLACEHOLDERS.has(name) || /[xX]{1,2}[市县省]/u.test(name);
};

const sameHospital = (a: string | null | undefined, b: string | null | undefined): boolean => {
  const [x, y] = [norm(a), norm(b)];
  if (!x || !y) return false;
  return x === y || (Math.min(length(x), length(y)) >= 4 && (x.includes(y) || y.includes(x)));
};

const similar = (a: string | null | undefined, b: string | null | undefined, at = 0.5): boolean => {
  const [x, y] = [norm(a), norm(b)];
  return Boolean(x) && Boolean(y) && (x.includes(y) || y.includes(x) || new SequenceMatcher(null, x, y).ratio() >= at);
};

const UNIT_ALIASES: Record<string, string> = { '%': '%', 个百分点: '%', 人次: '人次', 名: '人', 位: '人', 余人: '人' };
const unitOf = (unit: string | null | undefined) => {
  const normal = norm(unit);
  return UNIT_ALIASES[normal] ?? normal;
};

const sameMetric = (predicted: ScoredMetric, gold: ScoredMetric): boolean => {
  if (typeof predicted.value !== 'number') return false;
  const expected = Number(gold.value);
  return Math.abs(predicted.value - expected) <= Math.max(1e-6, 0.005 * Math.abs(expected)) && unitOf(predicted.unit) === unitOf(gold.unit);
};

/** Greedy one-to-one matching, in the predictions' order: the number of matched pairs. */
const matchCount = <P, G>(predicted: readonly P[], gold: readonly G[], same: (p: P, g: G) => boolean): number => {
  const used = new Set<number>();
  for (const item of predicted) {
    const index = gold.findIndex((candidate, at) => !used.has(at) && same(item, candidate));
    if (index >= 0) used.add(index);
  }
  return used.size;
};

const tally = <P, G>(predicted: readonly P[], gold: readonly G[], same: (p: P, g: G) => boolean): Tally => ({
  matched: matchCount(predicted, gold, same),
  predicted: predicted.length,
  gold: gold.length,
});

const owners = (cases: readonly ScoredCase[]) => [...new Set(cases.filter((found) => !isPlaceholder(found.hospital)).map((found) => found.hospital ?? ''))].sort();

/**
 * One document's tallies. Owners are the named case owners; metrics and initiatives are pooled per document
 * (the annotations may list them flat or in cases, and an extraction puts campaign figures in the document's own list).
 */
export const scoreDocument = (predicted: ScoredDocument | undefined, gold: ScoredDocument): Record<Measure, Tally> => {
  const predictedCases = predicted?.cases ?? [];
  const goldCases = gold.cases ?? [];
  const metricsOf = (document: ScoredDocument | undefined, cases: readonly ScoredCase[]) => [...(document?.metrics ?? []), ...cases.flatMap((found) => found.metrics ?? [])];
  return {
    owner: tally(owners(predictedCases), owners(goldCases), sameHospital),
    case: tally(predictedCases, goldCases, (p, g) => (sameHospital(p.hospital, g.hospital) || isPlaceholder(g.hospital)) && similar(p.title, g.title)),
    metric: tally(metricsOf(predicted, predictedCases), metricsOf(gold, goldCases), sameMetric),
    initiative: tally(
      predictedCases.flatMap((found) => found.initiatives ?? []),
      [...(gold.initiatives ?? []), ...goldCases.flatMap((found) => found.initiatives ?? [])],
      (p, g) => similar(p.name, g.name, 0.6),
    ),
  };
};

export const emptyTallies = (): Record<Measure, Tally> => ({
  owner: { matched: 0, predicted: 0, gold: 0 },
  case: { matched: 0, predicted: 0, gold: 0 },
  metric: { matched: 0, predicted: 0, gold: 0 },
  initiative: { matched: 0, predicted: 0, gold: 0 },
});

/** Adds `more` into `into` (pooling: counts are summed, not figures averaged). */
export const addTallies = (into: Record<Measure, Tally>, more: Record<Measure, Tally>): Record<Measure, Tally> => {
  for (const measure of MEASURES) {
    into[measure].matched += more[measure].matched;
    into[measure].predicted += more[measure].predicted;
    into[measure].gold += more[measure].gold;
  }
  return into;
};

/** One document's tallies as the shared scorer prints them: owner=1/2p/1g case=… (matched/predicted/gold). */
export const formatTallies = (tallies: Record<Measure, Tally>): string =>
  MEASURES.map((measure) => `${measure}=${tallies[measure].matched}/${tallies[measure].predicted}p/${tallies[measure].gold}g`).join(' ');

/** Precision, recall and F1, as the shared scorer defines them when a side is empty. */
export const figuresOf = ({ matched, predicted, gold }: Tally): Figures => {
  const precision = predicted ? matched / predicted : gold ? 0 : 1;
  const recall = gold ? matched / gold : predicted ? 0 : 1;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
};
