import fc from 'fast-check';
import { initiativesOf } from '../initiatives';
import { extractMetrics } from '../metrics';
import { BYLINE, normalise } from '../normalise';
import { peopleIn } from '../people';
import { extractDocument } from '../pipeline';
import { splitCases } from '../split';
import { identityText } from '../tracked-text';
import { ImportError } from '../types';

/**
 * Inputs on which a stage took exponential or quadratic time (security issue 12): each took from 15 seconds
 * to hours before its fix, and takes milliseconds now. The bound is far above normal, to catch a hang
 * rather than to measure speed.
 */
const SECONDS = 10;

const timed = <T>(run: () => T): T => {
  const started = performance.now();
  const result = run();
  expect(performance.now() - started).toBeLessThan(SECONDS * 1000);
  return result;
};

/** 0 → 〇, 12 → 一二: distinct Han names for generated hospitals and cases. */
const numeral = (value: number) => [...String(value)].map((digit) => '〇一二三四五六七八九'[Number(digit)]).join('');

const extract = (text: string) => extractDocument(Buffer.from(text));
const removedKinds = (text: string) => normalise(identityText(text)).removed.map((segment) => segment.kind);

describe('normalise', () => {
  test('a 52-character line that starts like a byline but is none (the byline pattern tried 2ⁿ ways of cutting it into names)', () => {
    const line = `记者${'张'.repeat(50)}!`;
    expect(timed(() => normalise(identityText(line))).text).toBe(line);
    expect(removedKinds('本报记者 张三 李四\n\n医院开展活动。')).toEqual(['byline']);
  });

  test('a byline-like line matches exactly what the former, exponential pattern matched', () => {
    const FORMER = /^(本报记者|记者|通讯员|作者|撰稿|文\/|来源)\s*[:：]?\s*[\u4e00-\u9fff·]{2,12}(\s*[\u4e00-\u9fff]{2,4})*\s*(整理|采写|报道|撰文)?$/;
    const piece = fc.constantFrom('本报记者', '记者', '通讯员', '文/', '张', '三', '李四', '·', ' ', ':', '：', '整理', '报道', '!', 'a', '\u2003');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 14 }), (pieces) => BYLINE.test(pieces.join('')) === FORMER.test(pieces.join(''))),
      { numRuns: 5000, seed: 12 },
    );
  });

  test.each([
    ['a counter label followed by 200,000 spaces (\\s*[:：]?\\s* split them every way)', `阅读量${' '.repeat(200_000)}x`],
    ['a font-size control followed by 200,000 spaces', `字号${' '.repeat(200_000)}x`],
    ['150,000 em spaces inside a line (/\\s+$/ retried from each of them)', `医院${'\u2003'.repeat(150_000)}医院`],
  ])('%s', (_name, text) => {
    expect(timed(() => normalise(identityText(text))).text.length).toBeGreaterThan(0);
  });
});

describe('people', () => {
  test('a list of 15 positions that names no one (each 党委副书记 read three ways: 3¹⁵ tries)', () => {
    expect(timed(() => peopleIn(`${'党委副书记、'.repeat(15)}同志`))).toEqual([]);
    expect(peopleIn('医院院长、党委副书记杨庆军说')).toEqual([{ name: '杨庆军', role: '院长、党委副书记' }]);
  });

  test('20,000 listed positions (each place in the list read the rest of it)', () => {
    expect(timed(() => peopleIn(`${'副主任、'.repeat(20_000)}同志`))).toEqual([]);
  });
});

describe('metrics', () => {
  test.each([
    ['60,000 × 一 (a fraction’s denominator was read from each of them to the end)', '一'.repeat(60_000)],
    ['150,000 digits (a number was read from each of them to the end)', '1'.repeat(150_000)],
    ['a long quote, then 150,000 closing quotes (each close could have sliced the line back to the open)', `“${'医'.repeat(150_000)}${'”'.repeat(150_000)}`],
    ['a qualified number before 200,000 spaces and a character (a cut-off figure is one before the end alone)', `超10${' '.repeat(200_000)}医`],
  ])('%s', (_name, text) => {
    expect(timed(() => extractMetrics(identityText(text)))).toEqual([]);
    expect(extractMetrics(identityText('三分之一的党员参加,共12名')).map((metric) => [metric.value, metric.unit])).toEqual([[33.33, '%'], [12, '名']]);
  });

  test('20,000 figures with one number and noun, in one sentence or in as many (each could be compared with every one before it)', () => {
    expect(timed(() => extractMetrics(identityText('1个党支部,'.repeat(20_000))))).toHaveLength(20_000);
    expect(timed(() => extractMetrics(identityText('1个党支部。'.repeat(20_000))))).toHaveLength(1);
  });

  test('one line of 20,000 figures after a time phrase (the line was read from its start for each figure)', () => {
    const metrics = timed(() => extractMetrics(identityText(`截至2018年8月,${'1人的'.repeat(20_000)}`)));
    expect(metrics).toHaveLength(20_000);
    expect(metrics.at(-1)).toMatchObject({ value: 1, unit: '人', period: '截至2018年8月' });
  });
});

describe('split and extract', () => {
  test('a page of 1,000 cases (each paragraph at a seam was compared with every case, each case read anew)', () => {
    const page = Array.from({ length: 1_000 }, (_, index) =>
      [`成都市第${numeral(index)}人民医院`, '构建医院党校提升能力', `医院开展活动,推进工作${numeral(index)}`, `党员学习${numeral(index)},服务群众`].join('\n\n'),
    ).join('\n\n');
    const { cases } = timed(() => splitCases(normalise(identityText(page))));
    expect(cases.length).toBeGreaterThan(800);
  });

  test('5,000 one-line paragraphs (each paragraph’s figures were searched for to the end of the document)', () => {
    const { document } = timed(() => extract(`成都市第一人民医院\n构建医院党校提升能力\n${'医院开展活动\n'.repeat(5_000)}`));
    expect(document.cases).toHaveLength(1);
  });

  test('20,000 paragraphs ending in a qualified number (each could have looked for the end of the page)', () => {
    const { document } = timed(() => extract(`成都市第一人民医院\n构建医院党校\n${'累计服务超10\n'.repeat(20_000)}`));
    expect([...document.metrics, ...document.cases.flatMap((extracted) => extracted.metrics)]).toHaveLength(1);
  });

  test('a case of 150,000 paragraphs (its extent overflowed the call stack, after quadratic passes)', () => {
    const { document } = timed(() => extract(`成都市第一人民医院\n构建医院党校\n${'党员学习。\n'.repeat(150_000)}`));
    expect(document.cases[0].start).toBe(0);
  });

  test('20,000 author lines before the first case (each looked back over all of them)', () => {
    const { document } = timed(() => extract(`${'(张三 李四)\n\n'.repeat(20_000)}成都市第一人民医院\n\n构建医院党校\n\n开展活动`));
    expect(document.cases.map((extracted) => extracted.hospital)).toEqual(['成都市第一人民医院']);
  });

  test('a paragraph opening 8,000 brackets before 1,000 hospital names (the text before each name was re-read)', () => {
    const { document } = timed(() => extract(`${'（'.repeat(8_000)}成都市第一人民医院）${'成都市第一人民医院'.repeat(1_000)}`));
    expect(document.cases[0].hospital).toBe('成都市第一人民医院');
  });

  test('30,000 different hospital names (each was compared with every name found before it)', () => {
    const text = `${Array.from({ length: 30_000 }, (_, index) => `成都市${numeral(index)}医院`).join('和')}开展活动。`;
    expect(timed(() => extract(text)).document.hospitals.length).toBeGreaterThan(1_000);
  });

  test('a breadcrumb followed by 250,000 spaces (\\s* beside a lazy group split them every way)', () => {
    const { document } = timed(() => extract(`首页>a${' '.repeat(250_000)}x\n\n成都市第一人民医院开展党建活动。`));
    expect(document.cases).toHaveLength(1);
  });

  test('a page that names its hospital only in the chrome is refused with a reason (it threw a TypeError)', () => {
    expect(() => extract('主办单位:成都市第一人民医院')).toThrow(ImportError);
    expect(() => extract('主办单位:成都市第一人民医院')).toThrow(expect.objectContaining({ code: 'empty' }));
  });
});

describe('initiatives', () => {
  test('a document of 20,000 set-up clauses, in one paragraph or in as many (each name was compared with every name before it)', () => {
    const clauses = Array.from({ length: 20_000 }, (_, index) => `医院成立第${numeral(index)}突击队`);
    for (const text of [`${clauses.join(',')}。`, clauses.map((clause) => `${clause}。`).join('\n\n')]) {
      const found = timed(() => initiativesOf(text.split('\n\n')));
      expect(found.length).toBe(200);
    }
  });

  test('a paragraph of 30,000 quoted formulas, colon lists and counted lists, and long runs of 即:, open quotes and 、 lists', () => {
    const pieces = Array.from({ length: 30_000 }, (_, index) => `“三${numeral(index)}”,即:甲${numeral(index)}乙;丙丁戊己,甲、乙、丙,“三化”`);
    const found = timed(() => initiativesOf([pieces.join('')]));
    expect(found.length).toBe(200);
    expect(timed(() => initiativesOf([`${'即:'.repeat(100_000)}${'“'.repeat(100_000)}${'、党建'.repeat(50_000)}`]))).toEqual([]);
  });
});
