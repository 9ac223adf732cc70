import fs from 'node:fs';
import path from 'node:path';
import { normalise } from '../normalise';
import { extractDocument, type Extraction } from '../pipeline';
import { identityText } from '../tracked-text';
import { INLINE_PINYIN } from '../../../../../../test/support/pinyin';

const SEEDS = path.resolve(__dirname, '../../../../../../seeds');

type Expected = {
  cases: Array<{ title: string; hospital: string; metrics: Array<{ value: number; unit: string | null; text: string }> }>;
  metrics: Array<{ value: number; unit: string | null }>;
  hospitals: Array<{ name: string; role: string }>;
  not_metrics: string[];
  noise: string[];
};

const documents = fs
  .readdirSync(path.join(SEEDS, 'documents'))
  .filter((file) => file.endsWith('.txt'))
  .map((file) => ({
    file,
    extraction: extractDocument(fs.readFileSync(path.join(SEEDS, 'documents', file))),
    expected: JSON.parse(fs.readFileSync(path.join(SEEDS, 'expected', file.replace(/\.txt$/, '.json')), 'utf8')) as Expected,
  }));

/** Annotations quote the traditional seed in its own script: compare them in the normalised form. */
const normalised = (text: string) => normalise(identityText(text)).text;

const metricKey = (metric: { value: number; unit: string | null }) => `${metric.value}|${metric.unit}`;

/** Matches extracted to expected metrics per case (owner hospital), counting each expected one once. */
const scoreMetrics = () => {
  let truePositives = 0;
  let extracted = 0;
  let expected = 0;
  for (const { extraction, expected: annotation } of documents) {
    const pairs: Array<[Array<{ value: number; unit: string | null }>, Array<{ value: number; unit: string | null }>]> = [
      ...annotation.cases.map((expectedCase) => [
        extraction.document.cases.find((candidate) => candidate.hospital === expectedCase.hospital)?.metrics ?? [],
        expectedCase.metrics,
      ] as [typeof expectedCase.metrics, typeof expectedCase.metrics]),
      [extraction.document.metrics, annotation.metrics],
    ];
    for (const [got, want] of pairs) {
      const pool = want.map(metricKey);
      extracted += got.length;
      expected += want.length;
      for (const metric of got) {
        const at = pool.indexOf(metricKey(metric));
        if (at >= 0) {
          truePositives += 1;
          pool.splice(at, 1);
        }
      }
    }
  }
  return { precision: truePositives / extracted, recall: truePositives / expected, truePositives, extracted, expected };
};

const caseTexts = (extraction: Extraction) => extraction.document.cases.flatMap((extracted) => [extracted.title, extracted.summary, extracted.body]);

describe('extraction of the seed documents against their hand annotations', () => {
  test('16 cases from 16 hospitals', () => {
    const cases = documents.flatMap(({ extraction }) => extraction.document.cases);
    expect(cases).toHaveLength(16);
    expect(new Set(cases.map((extracted) => extracted.hospital)).size).toBe(16);
  });

  test.each(documents.map(({ file }) => file))('%s: case owners and titles are exact', (file) => {
    const { extraction, expected } = documents.find((document) => document.file === file)!;
    const got = extraction.document.cases.map((extracted) => [extracted.hospital, extracted.title]);
    expect(got).toEqual(expected.cases.map((expectedCase) => [expectedCase.hospital, expectedCase.title]));
    const owners = extraction.document.hospitals.filter((hospital) => hospital.role === 'case_owner').map((hospital) => hospital.name);
    expect(owners.sort()).toEqual(expected.hospitals.filter((hospital) => hospital.role === 'case_owner').map((hospital) => hospital.name).sort());
  });

  test('metrics: precision ≥ 0.9 and recall ≥ 0.85, attributed to the right case', () => {
    const score = scoreMetrics();
    console.info(`metrics on the seeds: ${score.truePositives} right of ${score.extracted} extracted and ${score.expected} annotated; precision ${score.precision.toFixed(3)}, recall ${score.recall.toFixed(3)}`);
    expect(score.precision).toBeGreaterThanOrEqual(0.9);
    expect(score.recall).toBeGreaterThanOrEqual(0.85);
  });


  test.each(documents.map(({ file }) => file))('%s: every metric points to its quote in the original text', (file) => {
    const { extraction } = documents.find((document) => document.file === file)!;
    const { original } = extraction.decoded;
    for (const metric of [...extraction.document.cases.flatMap((extracted) => extracted.metrics), ...extraction.document.metrics]) {
      const quoted = original.slice(metric.start, metric.end);
      // The original may carry traditional characters and inline pinyin; the quote is the same text normalised.
      expect(quoted.replace(INLINE_PINYIN, '').length).toBe(metric.text.length);
      expect(quoted.replace(/[\u4e00-\u9fff]/g, '·').replace(INLINE_PINYIN, '')).toBe(metric.text.replace(/[\u4e00-\u9fff]/g, '·'));
    }
  });

  test.each(documents.map(({ file }) => file))('%s: strings that are not metrics do not become metrics', (file) => {
    const { extraction, expected } = documents.find((document) => document.file === file)!;
    const quotes = [...extraction.document.cases.flatMap((extracted) => extracted.metrics), ...extraction.document.metrics].map((metric) => metric.text);
    // Strings the normaliser drops as page chrome (a footer's phone number) cannot become metrics at all.
    for (const notMetric of expected.not_metrics.map(normalised).filter(Boolean)) {
      // A quote ends at the figure's unit: one ending in a not-metric string took its number from there.
      expect({ notMetric, quotes: quotes.filter((quote) => quote.endsWith(notMetric)) }).toEqual({ notMetric, quotes: [] });
    }
  });

  test.each(documents.map(({ file }) => file))('%s: page noise reaches no title, summary or body', (file) => {
    const { extraction, expected } = documents.find((document) => document.file === file)!;
    const texts = caseTexts(extraction).join('\n');
    for (const noise of expected.noise.map(normalised)) {
      for (const line of noise.split('\n').filter((part) => part.trim().length >= 4)) expect(texts).not.toContain(line.trim());
    }
  });
});
