import { dateForms, itemKey, locate, sourceItems, type CaseContent } from '../items';
import { editedFields, nextWritten, withoutRejected, writtenContent } from '../ledger';

const ORIGINAL = ['来源: 健康报  2024年3月5日  阅读 12,345', '', '某某市第一人民医院', '“红色护航”党建品牌', '医院党委书记 张 三 介绍, 门诊满意度提升至98.5%。', '开展“党员先锋岗”活动。'].join('\n');

describe('locate', () => {
  test('finds a text across the line breaks and spaces of the original, with offsets into it', () => {
    const found = locate(ORIGINAL, '张三')!;
    expect(ORIGINAL.slice(found.start, found.end)).toBe('张 三');
  });

  test('folds full-width forms and prefers a match inside the span', () => {
    const text = 'ＡＢＣ 前言 ... ABC 正文';
    expect(locate(text, 'abc')).toEqual({ start: 0, end: 3 });
    const inside = locate(text, 'abc', { start: 8, end: text.length })!;
    expect(text.slice(inside.start, inside.end)).toBe('ABC');
  });

  test('gives null for a text the original does not hold', () => {
    expect(locate(ORIGINAL, '不存在的举措')).toBeNull();
    expect(locate(ORIGINAL, '  ')).toBeNull();
  });
});

describe('sourceItems', () => {
  const quote = '门诊满意度提升至98.5%';
  const content: CaseContent = {
    title: '“红色护航”党建品牌',
    hospital: { documentId: 'h1', name: '某某市第一人民医院', aliases: [] },
    people: [{ name: '张三', role: '党委书记' }],
    source: { publication: '健康报', date: '2024-03-05', readCount: 12345, url: null },
    initiatives: [{ documentId: 'i1', name: '党员先锋岗' }, { documentId: 'i2', name: '文中没有的举措' }],
    metrics: [{ documentId: 'm1', label: '门诊满意度', value: 98.5, quote, sourceStart: ORIGINAL.indexOf(quote), sourceEnd: ORIGINAL.indexOf(quote) + quote.length }],
  };
  const items = sourceItems(content, ORIGINAL, { start: ORIGINAL.indexOf('某某'), end: ORIGINAL.length });
  const item = (id: string) => items.find((candidate) => candidate.id === id)!;

  test('every kind of item, each quote the original text at its offsets', () => {
    expect(items.map((found) => found.kind).sort()).toEqual(['hospital', 'initiative', 'initiative', 'metric', 'person', 'source', 'source', 'source', 'title'].sort());
    for (const found of items) if (found.start !== null) expect(ORIGINAL.slice(found.start, found.end!)).toBe(found.quote);
    expect(items.map((found) => found.start).filter((start) => start !== null)).toEqual([...items.map((found) => found.start).filter((start) => start !== null)].sort((a, b) => a! - b!));
  });

  test('a metric keeps its stored offsets; other items are found by text, source metadata in the forms a page writes it', () => {
    expect(item(itemKey('metric', quote))).toMatchObject({ quote, field: 'metrics', part: 'm1' });
    expect(item(itemKey('person', '张三'))).toMatchObject({ quote: '张 三', field: 'people.0.name' });
    expect(item('source:date=2024-03-05')).toMatchObject({ quote: '2024年3月5日', field: 'source.date' });
    expect(item('source:readcount=12345')).toMatchObject({ quote: '12,345', field: 'source.readCount' });
    expect(item(itemKey('initiative', '文中没有的举措'))).toMatchObject({ start: null, end: null, quote: null, part: 'i2' });
  });

  test('a metric whose stored offsets no longer hold its quote is looked up by the quote', () => {
    const moved = sourceItems({ title: 'x', metrics: [{ documentId: 'm', label: 'l', value: 1, quote, sourceStart: 0, sourceEnd: quote.length }] }, ORIGINAL, { start: 0, end: ORIGINAL.length });
    expect(moved.find((found) => found.kind === 'metric')?.quote).toBe(quote);
  });

  test('date forms', () => {
    expect(dateForms('2024-03-05')).toEqual(expect.arrayContaining(['2024年3月5日', '2024-03-05', '2024.03.05']));
  });
});

describe('the ledger', () => {
  const content: CaseContent = { title: '标题', summary: '摘要', people: [{ name: '张三' }], initiatives: [{ documentId: 'a', name: '举措', order: 0 }], metrics: [] };

  test('an edited field is told apart by content; a save that changed nothing is no edit', () => {
    const written = writtenContent(content);
    expect(editedFields(written, writtenContent({ ...content }))).toEqual([]);
    expect(editedFields(written, writtenContent({ ...content, title: '编辑改过的标题', initiatives: [{ documentId: 'b', name: '举措', order: 0 }] }))).toEqual(['title']);
    expect(editedFields(null, writtenContent(content))).toEqual([]);
  });

  test('a field kept as the editor left it is compared with the import\'s value again next time', () => {
    const first = writtenContent(content);
    const now = writtenContent({ ...content, title: '编辑改过的标题', summary: '新摘要' });
    expect(nextWritten(first, now, ['title'])).toEqual({ ...now, title: first.title });
  });

  test('rejected items are left out of an extraction', () => {
    const extracted = {
      hospital: '某某医院',
      people: [{ name: '张三' }, { name: '李四' }],
      initiatives: [{ name: '党员 先锋岗' }],
      metrics: [{ text: '满意度98%', label: '满意度' }],
      source: { date: '2024-03-05', readCount: 12 },
    };
    const rejection = (key: string) => ({ kind: 'person' as const, key, text: '', at: '', by: null });
    expect(withoutRejected(extracted, ['person:李四', 'initiative:党员先锋岗', 'metric:满意度98%', 'source:readcount=12', 'hospital:某某医院'].map(rejection))).toEqual({
      hospital: null,
      people: [{ name: '张三' }],
      initiatives: [],
      metrics: [],
      source: { date: '2024-03-05', readCount: null },
    });
  });
});
