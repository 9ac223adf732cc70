import fs from 'node:fs';
import path from 'node:path';
import Table from 'cli-table3';
import { ImportError, type ExtractedDocument } from '../importer';
import { collectPaths } from './files';
import { addTallies, emptyTallies, figuresOf, MEASURES, scoreDocument, type Measure, type ScoredDocument, type Tally } from './score';

/**
 * `casebook eval`: the importer's extraction over annotated documents, scored with the shared scorer's
 * matching (./score), by genre and pooled, with the extraction's speed.
 */

/** Annotated documents: `documents/` beside `expected/` (same base names), and the genre of each. */
export type EvaluationSet = { name: string; documents: string; expected: string; genreOf: (file: string) => string };

export type DocumentScore = { file: string; set: string; genre: string; refused: string | null; tallies: Record<Measure, Tally> };
/** The documents' scores, and the seconds one warm round of extraction over them takes. */
export type Evaluation = { documents: DocumentScore[]; seconds: number };

/** The repository's seed documents (`seeds/documents`, `seeds/expected`): newspaper articles, one genre. */
export const seedSet = (root: string): EvaluationSet => ({
  name: 'seeds',
  documents: path.join(root, 'seeds', 'documents'),
  expected: path.join(root, 'seeds', 'expected'),
  genreOf: () => 'newspaper article (seeds)',
});

/**
 * The genres of the development corpus, read off the description `sources.tsv` gives each file (what makes it
 * hard), first match wins; web pages (A…) and documents (B…) that match none keep their family's name.
 */
const CORPUS_GENRES: Array<[RegExp, string]> = [
  [/traditional/i, 'traditional-character mirror'],
  [/e-paper/i, 'e-paper page'],
  [/WeChat/i, 'WeChat mirror'],
  [/hospital-website/i, 'hospital-website page'],
  [/经验材料|文库|PDF|docx/i, 'experience material / PDF copy'],
  [/journal|abstract/i, 'journal paper / abstract'],
  [/interview/i, 'interview'],
  [/case-database|award notice|list/i, 'case record / award notice'],
];

/** The shared development corpus (`docs/`, `expected/`, `sources.tsv`), when the checkout has it beside it. */
export const corpusSet = (directory: string): EvaluationSet => {
  const descriptions = new Map<string, string>();
  const sources = path.join(directory, 'sources.tsv');
  if (fs.existsSync(sources)) {
    for (const line of fs.readFileSync(sources, 'utf8').split('\n').slice(1)) {
      const [file, , , description] = line.split('\t');
      if (file) descriptions.set(file, description ?? '');
    }
  }
  return {
    name: 'corpus',
    documents: path.join(directory, 'docs'),
    expected: path.join(directory, 'expected'),
    genreOf: (file) => {
      const description = descriptions.get(path.basename(file)) ?? '';
      const found = CORPUS_GENRES.find(([pattern]) => pattern.test(description));
      return found ? found[1] : path.basename(file).startsWith('A') ? 'other web page' : 'other document';
    },
  };
};

const baseName = (file: string) => path.basename(file, path.extname(file));

/** Extracts and scores every annotated document of the sets; `extract` throws an ImportError for a refused document. */
export const evaluate = async (sets: readonly EvaluationSet[], extract: (bytes: Uint8Array) => Promise<ExtractedDocument>): Promise<Evaluation> => {
  const documents: DocumentScore[] = [];
  const read: Uint8Array[] = [];
  for (const set of sets) {
    for (const file of collectPaths([set.documents])) {
      const goldFile = path.join(set.expected, `${baseName(file)}.json`);
      if (!fs.existsSync(goldFile)) continue;
      const gold = JSON.parse(fs.readFileSync(goldFile, 'utf8')) as ScoredDocument;
      const bytes = fs.readFileSync(file);
      read.push(bytes);
      let predicted: ExtractedDocument | undefined;
      let refused: string | null = null;
      try {
        predicted = await extract(bytes);
      } catch (error) {
        if (!(error instanceof ImportError)) throw error;
        refused = error.message;
      }
      documents.push({ file, set: set.name, genre: set.genreOf(file), refused, tallies: scoreDocument(predicted as ScoredDocument | undefined, gold) });
    }
  }
  return { documents, seconds: await warmRound(read, extract) };
};

/** Rounds timed for the speed figure: at least this many, and at least a second in all. */
const SPEED_ROUNDS = 3;

/**
 * The seconds one round of extraction over the documents takes once the code is compiled: a first round,
 * untimed, warms the engine up (timing the scoring pass counted its compilation, a third of a second on 25
 * documents), then rounds are timed until there are SPEED_ROUNDS of them and a second has passed.
 */
const warmRound = async (documents: Uint8Array[], extract: (bytes: Uint8Array) => Promise<ExtractedDocument>): Promise<number> => {
  const round = async () => {
    const started = process.hrtime.bigint();
    for (const bytes of documents) {
      try {
        await extract(bytes);
      } catch (error) {
        if (!(error instanceof ImportError)) throw error;
      }
    }
    return Number(process.hrtime.bigint() - started) / 1e9;
  };
  if (documents.length === 0) return 0;
  await round();
  let seconds = 0;
  let rounds = 0;
  while (rounds < SPEED_ROUNDS || seconds < 1) {
    seconds += await round();
    rounds += 1;
  }
  return seconds / rounds;
};

/** The pooled tallies of some documents. */
export const pooled = (documents: readonly DocumentScore[]): Record<Measure, Tally> =>
  documents.reduce((sum, document) => addTallies(sum, document.tallies), emptyTallies());

const cell = (tally: Tally) => {
  const { precision, recall, f1 } = figuresOf(tally);
  return `${f1.toFixed(2)} (${precision.toFixed(2)}/${recall.toFixed(2)})`;
};

/** The evaluation as a table: a row per genre, then pooled rows per set and over all; F1 (precision/recall). */
export const formatEvaluation = ({ documents, seconds }: Evaluation): string => {
  const table = new Table({ head: ['genre', 'documents', 'refused', ...MEASURES.map((measure) => `${measure} F1 (P/R)`)], style: { head: [], border: [] } });
  const row = (label: string, group: readonly DocumentScore[]) => {
    const tallies = pooled(group);
    table.push([label, group.length, group.filter((document) => document.refused).length, ...MEASURES.map((measure) => cell(tallies[measure]))]);
  };
  const sets = [...new Set(documents.map((document) => document.set))];
  for (const set of sets) {
    const inSet = documents.filter((document) => document.set === set);
    for (const genre of [...new Set(inSet.map((document) => document.genre))].sort()) row(`${set}: ${genre}`, inSet.filter((document) => document.genre === genre));
    row(`${set}, pooled`, inSet);
  }
  if (sets.length > 1) row(`all (${sets.join(' + ')}), pooled`, documents);
  const speed = seconds > 0 ? (documents.length / seconds).toFixed(1) : '—';
  return `${table.toString()}\nextraction: ${documents.length} documents in ${seconds.toFixed(2)} s, ${speed} documents/s (decode → extract, in this thread, warm)`;
};
