import fc from 'fast-check';
import iconv from 'iconv-lite';
import { decode } from '../decode';
import { findHospitalNames } from '../hospitals';
import { initiativesOf } from '../initiatives';
import { extractMetrics } from '../metrics';
import { normalise } from '../normalise';
import { authorsOf, peopleIn } from '../people';
import { ownedDrafts } from '../owner';
import { extractDocument } from '../pipeline';
import { sourceOf } from '../source';
import { paragraphsOf, splitCases } from '../split';
import { identityText } from '../tracked-text';
import { ImportError } from '../types';

/**
 * Fuzz tests: every stage, and the whole extraction, on random bytes, broken encodings, deep and unclosed
 * HTML, huge lines and text built from the importer's own vocabulary around the patterns that once
 * backtracked. The property: a result or an ImportError with a message, never another exception, and each
 * case within a bound far above its normal milliseconds. A failure prints its seed and counterexample;
 * FUZZ_SEED explores other inputs.
 */
const seed = Number(process.env.FUZZ_SEED ?? 20261212);
const CASE_SECONDS = 10;

const resultOrImportError = <T>(run: () => T): T | ImportError => {
  const started = performance.now();
  let outcome: T | ImportError;
  try {
    outcome = run();
  } catch (error) {
    if (!(error instanceof ImportError)) throw error;
    expect(error.message.length).toBeGreaterThan(10);
    outcome = error;
  }
  expect(performance.now() - started).toBeLessThan(CASE_SECONDS * 1000);
  return outcome;
};

const check = <T>(arbitrary: fc.Arbitrary<T>, property: (value: T) => void, numRuns: number) =>
  fc.assert(fc.property(arbitrary, property), { seed, numRuns });

/** A whole extraction, and what must hold of it: every quote and case points into the original text. */
const extractsOrRefuses = (bytes: Uint8Array) => {
  const outcome = resultOrImportError(() => extractDocument(bytes));
  if (outcome instanceof ImportError) return;
  const { decoded, normalised, document } = outcome;
  expect(normalised.offsets).toHaveLength(normalised.text.length + 1);
  for (const extracted of document.cases) {
    // A case has its owner's name, or none and the editor's choices: never an empty name.
    if (extracted.hospital === null) expect(extracted.confidence.owner.rule).toBe('unresolved');
    else expect(extracted.hospital.length).toBeGreaterThan(0);
    for (const span of [extracted, ...extracted.metrics]) {
      expect(0 <= span.start && span.start <= span.end && span.end <= decoded.original.length).toBe(true);
    }
  }
};

// The importer's vocabulary, gathered around the patterns that backtracked.
const HOSPITALS = ['成都市第一人民医院', '重庆市人民医院', '市人民医院', '黑龙江省医院', '四川省雅安市人民医院', '富顺县中医医院', '广东省人民医院', '山东大学齐鲁医院', '我院'];
const TITLES = ['构建医院党校 提升实干能力', '“道德讲堂”润人心', '党员先锋岗 服务零距离', '以高质量党建引领高质量发展'];
const POSITIONS = ['党委书记', '党委副书记', '副书记', '书记', '院长', '副院长', '主任医师', '副主任', '主任', '护士长', '纪委书记', '教授', '、'];
const NAMES = ['张三', '王明', '欧阳明', '陈玉瑛', '杨庆军', '李'];
const BYLINES = ['本报记者', '记者', '通讯员', '作者:', '文/', '来源:', '整理', '采写', ' ', '·', '：'];
const NUMERALS = ['一', '二', '十', '百', '千', '万', '亿', '两', '〇', '分之', '百分之', '三分之一', '1', '23', '4.5', '%', '０'];
const FIGURES = ['12名', '3万元', '40%', '近千名', '约200人次', '1.5亿元', '2000余人', '30场', '5分钟', '6个百分点', '较去年增长', '截至2018年8月', '近三年来', '自2019年3月以来', '目前'];
const CHROME = ['首页 > 医院新闻 > 正文', '首页>', '阅读量: 123', '阅读量 :', '字号:大 中 小', '主办单位:某某报社', '给我点赞', '猜你喜欢', '2017-05-18 07:33:26', '《健康报》2018年第3期', '上一篇', '版权所有'];
const MARKS = ['，', '。', '、', '；', '：', '(', ')', '（', '）', '“', '”', '《', '》', '!', ' ', '\u3000', '\u2003', '\t', '\r', '\n', '\n\n', '的', '开展', '活动', '党员'];
const VOCABULARY = [HOSPITALS, TITLES, POSITIONS, NAMES, BYLINES, NUMERALS, FIGURES, CHROME, MARKS].flat();

const word = fc.constantFrom(...VOCABULARY);
/** A word, or a word repeated (一一一…, 党委副书记、党委副书记、…, long runs of spaces). */
const run = fc.oneof({ weight: 4, arbitrary: word }, { weight: 1, arbitrary: fc.tuple(word, fc.integer({ min: 2, max: 300 })).map(([text, times]) => text.repeat(times)) });
const line = fc.array(run, { minLength: 1, maxLength: 12 }).map((words) => words.join(''));
const text = fc.tuple(fc.array(line, { minLength: 1, maxLength: 30 }), fc.constantFrom('\n', '\n\n', '\r\n', '\n \n')).map(([lines, separator]) => lines.join(separator));
/** Pages of many cases: a hospital line, a title line, then body lines, over and over. */
const page = fc
  .array(fc.tuple(fc.constantFrom(...HOSPITALS), fc.constantFrom(...TITLES), fc.array(line, { maxLength: 4 })), { minLength: 1, maxLength: 60 })
  .map((cases) => cases.flatMap(([hospital, title, body]) => [hospital, title, ...body]).join('\n\n'));

const utf8 = (value: string) => Buffer.from(value, 'utf8');

/** Byte fragments of several encodings, run together: what a badly saved or concatenated file holds. */
const fragment = fc.oneof(
  text.map(utf8),
  text.map((value) => iconv.encode(value, 'gbk')),
  text.map((value) => iconv.encode(value, 'utf-16le')),
  fc.constantFrom(Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from([0xff, 0xfe]), Buffer.from([0xfe, 0xff]), Buffer.from([0]), Buffer.alloc(64)),
  fc.uint8Array({ min: 0x80, max: 0xff, maxLength: 16 }).map((bytes) => Buffer.from(bytes)),
);
const mixedBytes = fc.array(fragment, { minLength: 1, maxLength: 6 }).map((fragments) => Buffer.concat(fragments));

const TAGS = ['div', 'p', 'span', 'li', 'ul', 'td', 'tr', 'table', 'script', 'style', 'title', 'svg', 'math', 'br', 'b', 'font', 'head', 'body', 'html', 'h1', 'option', 'select'];
const tag = fc.constantFrom(...TAGS);
const htmlPiece = fc.oneof(
  tag.map((name) => `<${name}>`),
  tag.map((name) => `</${name}>`),
  tag.map((name) => `<${name}/>`),
  tag.map((name) => `<${name} class="a" id='b' data-x=c>`),
  fc.constantFrom('&amp;', '&#x4e2d;', '&#20013;', '&nbsp;', '&bogus;', '&#xffffffff;', '&', '<!-- 注释 -->', '<!--', '<![CDATA[x]]>', '<', '>', '</', '<!doctype html>'),
  line,
);
const html = fc.oneof(
  fc.array(htmlPiece, { maxLength: 60 }).map((pieces) => `<html><body>${pieces.join('')}`),
  // Deep and unclosed: a few thousand open elements, no or unmatched closes.
  fc.tuple(tag, fc.integer({ min: 1, max: 3000 }), line, fc.constantFrom('', '</div>', '</span>'.repeat(50))).map(
    ([name, depth, inner, after]) => `<html><body>${`<${name}>`.repeat(depth)}${inner}${after}`,
  ),
);

describe('fuzz: decode', () => {
  test('random bytes', () => check(fc.uint8Array({ maxLength: 4096 }), (bytes) => void resultOrImportError(() => decode(bytes)), 2000));
  test('mixed encodings, BOMs, invalid and NUL bytes', () => check(mixedBytes, (bytes) => void resultOrImportError(() => decode(bytes)), 1000));
});

describe('fuzz: normalise and split', () => {
  test('normalise: text from the vocabulary', () => check(text, (value) => void resultOrImportError(() => normalise(identityText(value))), 1000));
  test('split and owner: pages of many cases, and text without headers', () =>
    check(
      fc.oneof(text, page),
      (value) =>
        void resultOrImportError(() => {
          const normalised = normalise(identityText(value));
          return ownedDrafts(splitCases(normalised), normalised.removed);
        }),
      400,
    ));
});

describe('fuzz: extract', () => {
  test('metrics, people, authors, hospitals, initiatives and source on text from the vocabulary', () =>
    check(
      text,
      (value) => {
        resultOrImportError(() => extractMetrics(identityText(value)));
        resultOrImportError(() => peopleIn(value));
        resultOrImportError(() => paragraphsOf(value).map((paragraph) => authorsOf(paragraph.text)));
        resultOrImportError(() => findHospitalNames(value));
        resultOrImportError(() => initiativesOf(value.split('\n')));
        resultOrImportError(() => sourceOf(normalise(identityText(value)).removed, value));
      },
      800,
    ));
});

describe('fuzz: the whole extraction (extractDocument)', () => {
  test('random bytes', () => check(fc.uint8Array({ maxLength: 4096 }), extractsOrRefuses, 1000));
  test('mixed encodings, BOMs, invalid and NUL bytes', () => check(mixedBytes, extractsOrRefuses, 500));
  test('text and pages from the vocabulary', () => check(fc.oneof(text, page).map(utf8), extractsOrRefuses, 600));
  test('HTML: random, deep and unclosed', () => check(html.map(utf8), extractsOrRefuses, 300));
  test('huge lines: one word repeated up to 150,000 times', () =>
    check(
      fc.tuple(fc.constantFrom(...VOCABULARY.filter((value) => !value.includes('\n'))), fc.integer({ min: 10_000, max: 150_000 }), fc.constantFrom('', '成都市第一人民医院开展活动。\n')).map(
        ([value, times, prefix]) => utf8(prefix + value.repeat(times).slice(0, 300_000)),
      ),
      extractsOrRefuses,
      30,
    ));
});
