import * as closedSets from '..';
import { CAMPAIGN_STAGE, PROVINCE, closedSet, type ClosedSet } from '..';

const isClosedSet = (value: unknown): value is ClosedSet<string> => typeof value === 'object' && value !== null && 'keys' in value && 'entries' in value;
const SETS = Object.entries(closedSets as Record<string, unknown>).filter((entry): entry is [string, ClosedSet<string>] => isClosedSet(entry[1]));

test('the index exports every closed set', () => {
  expect(SETS.map(([name]) => name).sort()).toEqual([
    'CAMPAIGN_STAGE', 'CASE_SORT', 'HOSPITAL_CATEGORY', 'HOSPITAL_LEVEL', 'HOSPITAL_SORT', 'METRIC_KIND', 'METRIC_QUALIFIER', 'PROVINCE', 'REVIEW_ITEM_KIND', 'SNIPPET_FIELD', 'SOURCE_DOCUMENT_STATUS', 'VOTE_REFUSAL',
  ]);
});

describe.each(SETS)('%s', (_name, set) => {
  test('keys are GraphQL enum names (Strapi and the GraphQL type-defs use them as such)', () => {
    for (const key of set.keys) expect(key).toMatch(/^[_A-Za-z][_0-9A-Za-z]*$/);
    expect(set.keys).not.toContain('true');
    expect(set.keys).not.toContain('false');
    expect(set.keys).not.toContain('null');
  });

  test('labels are unique in each language, so that a label names one key', () => {
    for (const language of ['zh', 'en'] as const) {
      const labels = set.keys.map((key) => set.label(key, language));
      expect(labels.every((label) => typeof label === 'string' && label !== '')).toBe(true);
      expect(new Set(labels).size).toBe(labels.length);
    }
    for (const key of set.keys) expect(set.keyOfLabel(set.entries[key].zh)).toBe(key);
  });
});

test('lookups answer for the keys and labels of the set only', () => {
  expect(PROVINCE.keyOfLabel('四川')).toBe('sichuan');
  expect(PROVINCE.keyOfLabel('四川省')).toBeUndefined();
  expect(PROVINCE.label('xizang')).toBe('西藏');
  expect(PROVINCE.label('xizang', 'en')).toBe('Xizang');
  expect(CAMPAIGN_STAGE.label('voting')).toBe('投票');
  for (const outsider of ['toString', 'constructor', '__proto__', '', 'Voting', null, undefined]) {
    expect(CAMPAIGN_STAGE.has(outsider)).toBe(false);
    expect(CAMPAIGN_STAGE.label(outsider)).toBeUndefined();
  }
});

test('a set keeps the order its table declares, and cannot be changed afterwards', () => {
  const set = closedSet({ b: { zh: '乙', en: 'B' }, a: { zh: '甲', en: 'A' } });
  expect(set.keys).toEqual(['b', 'a']);
  expect(() => (set.keys as unknown as string[]).push('c')).toThrow(TypeError);
  expect(() => ((set.entries as Record<string, { zh: string }>).b!.zh = '丙')).toThrow(TypeError);
  const table: Record<string, { zh: string; en: string }> = { a: { zh: '甲', en: 'A' } };
  const fromTable = closedSet(table);
  table.a!.zh = '乙';
  table.c = { zh: '丙', en: 'C' };
  expect([fromTable.label('a'), fromTable.has('c')]).toEqual(['甲', false]);
  expect(() => closedSet({})).toThrow('at least one key');
});
