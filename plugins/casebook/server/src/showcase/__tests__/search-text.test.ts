import { ftsDocument, ftsQuery, needsSubstringTest, parseQuery, searchForm, snippet, termGrams, textGrams, tokens } from '../search-text';

describe('searchForm', () => {
  test.each([
    ['構建醫院黨校', '构建医院党校'],
    ['ＰＤＣＡ循环', 'pdca循环'],
    ['党建\u3000引领', '党建 引领'],
  ])('%s → %s, keeping every offset', (text, form) => {
    expect(searchForm(text)).toBe(form);
    expect(searchForm(text)).toHaveLength(text.length);
  });
});

describe('tokens and grams', () => {
  test('every Han character is a token; other letters and digits form words', () => {
    expect(tokens('构建党校，PDCA循环2023年')).toEqual(['构', '建', '党', '校', 'PDCA', '循', '环', '2023', '年']);
    expect(ftsDocument('党校pdca')).toBe('党 校 pdca');
  });

  test('a text holds every gram of each term it contains', () => {
    const text = searchForm('构建医院党校 提升实干能力，推行PDCA循环');
    const grams = new Set(textGrams(text));
    for (const term of ['党校', '医院党校', '党', 'pdca', '实干能力']) {
      expect(termGrams(term).every((gram) => grams.has(gram))).toBe(true);
    }
    expect(termGrams('清廉').every((gram) => grams.has(gram))).toBe(false);
  });

  test('bigrams do not cross punctuation', () => {
    expect(textGrams('党，校')).not.toContain('党校');
  });
});

describe('parseQuery', () => {
  test('simplified, lower case, split on spaces, without duplicates', () => {
    expect(parseQuery(' 黨校  PDCA 党校 ')).toEqual(['党校', 'pdca']);
  });

  test.each([[''], ['   '], ['一 二 三 四 五 六 七 八 九'], ['长'.repeat(51)]])('refuses %p', (query) => {
    expect(() => parseQuery(query)).toThrow(expect.objectContaining({ name: 'ValidationError' }));
  });

  test('an FTS5 query holds each term as a phrase, which does not match across punctuation', () => {
    expect(ftsQuery(['党校', 'pdca循环'])).toBe('"党 校" AND "pdca 循 环"');
    expect(ftsQuery(['党建+业务'])).toBe('"党 建 x0brk 业 务"');
    expect(ftsDocument('党，校 党校')).toBe('党 x0brk 校 x0brk 党 校');
    expect(ftsQuery(['——'])).toBeUndefined();
  });

  test.each([
    ['党校', false, false],
    ['党', false, false],
    ['pdca', false, false],
    ['医院党校', false, true],
    ['pdca循环', false, true],
    ['党建+业务', true, true],
  ])('%s needs the substring test: SQLite %p, PostgreSQL %p', (term, sqlite, postgres) => {
    expect(needsSubstringTest(term, 'sqlite')).toBe(sqlite);
    expect(needsSubstringTest(term, 'postgres')).toBe(postgres);
  });
});

describe('snippet', () => {
  const body = `${'医院坚持'.repeat(20)}构建医院黨校，党校每月开课${'持续推进'.repeat(20)}`;

  test('cuts the passage around the first match from the original text, with the ranges of the terms', () => {
    const found = snippet([{ field: 'summary', text: '无关', form: '无关' }, { field: 'body', text: body, form: searchForm(body) }], ['党校'])!;
    expect(found.field).toBe('body');
    expect(found.text.startsWith('…')).toBe(true);
    expect(found.text.endsWith('…')).toBe(true);
    expect(found.matches).toHaveLength(2);
    expect(found.matches.map((range) => found.text.slice(range.start, range.end))).toEqual(['黨校', '党校']);
  });

  test('is undefined when no field holds a term', () => {
    expect(snippet([{ field: 'body', text: body, form: searchForm(body) }], ['清廉'])).toBeUndefined();
  });
});
