import { SEO_DESCRIPTION_MAX, seoDescriptionOf, seoOf } from '../seo';

describe('seoDescriptionOf', () => {
  test.each([
    ['nothing', null, null],
    ['blank text', ' \n\t ', null],
    ['a short text, kept on one line', '医院党校\n  提升能力', '医院党校 提升能力'],
  ])('%s', (_name, text, expected) => {
    expect(seoDescriptionOf(text)).toBe(expected);
  });

  test('a text of exactly the limit is kept whole', () => {
    const text = '党'.repeat(SEO_DESCRIPTION_MAX);
    expect(seoDescriptionOf(text)).toBe(text);
  });

  test('a longer text without sentence ends is cut at the limit with an ellipsis', () => {
    const cut = seoDescriptionOf('党'.repeat(SEO_DESCRIPTION_MAX + 50))!;
    expect(Array.from(cut)).toHaveLength(SEO_DESCRIPTION_MAX);
    expect(cut.endsWith('党…')).toBe(true);
  });

  test('a longer text ends at its last full sentence within the limit', () => {
    const first = `${'建'.repeat(130)}。`;
    expect(seoDescriptionOf(`${first}${'设'.repeat(100)}`)).toBe(first);
  });

  test('a sentence end too early (under two thirds) is not used', () => {
    const cut = seoDescriptionOf(`${'建'.repeat(20)}。${'设'.repeat(300)}`)!;
    expect(Array.from(cut)).toHaveLength(SEO_DESCRIPTION_MAX);
    expect(cut.endsWith('…')).toBe(true);
  });

  test('characters outside the Basic Multilingual Plane are never split', () => {
    const cut = seoDescriptionOf('𠀋'.repeat(SEO_DESCRIPTION_MAX + 1))!;
    expect(cut).toBe(`${'𠀋'.repeat(SEO_DESCRIPTION_MAX - 1)}…`);
  });
});

describe('seoOf', () => {
  test("the editor's SEO fields win", () => {
    expect(seoOf({ title: '标题', summary: '摘要', seoTitle: ' 搜索标题 ', seoDescription: '搜索描述' })).toEqual({ title: '搜索标题', description: '搜索描述' });
  });

  test('without them, the title and the summary', () => {
    expect(seoOf({ title: '标题', summary: '摘要', seoTitle: null, seoDescription: '  ' })).toEqual({ title: '标题', description: '摘要' });
  });

  test('no summary either: no description', () => {
    expect(seoOf({ title: '标题', summary: null })).toEqual({ title: '标题', description: null });
  });
});
