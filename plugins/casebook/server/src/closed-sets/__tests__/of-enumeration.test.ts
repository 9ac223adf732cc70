import { CAMPAIGN_STAGE, closedSetOfEnumeration, HOSPITAL_LEVEL, PROVINCE, SOURCE_DOCUMENT_STATUS } from '..';

describe('closedSetOfEnumeration', () => {
  test("finds the set of an enumeration's values, whatever their order", () => {
    expect(closedSetOfEnumeration([...PROVINCE.keys])).toBe(PROVINCE);
    expect(closedSetOfEnumeration([...CAMPAIGN_STAGE.keys].reverse())).toBe(CAMPAIGN_STAGE);
    expect(closedSetOfEnumeration([...HOSPITAL_LEVEL.keys])?.label('grade3a')).toBe('三甲');
    expect(closedSetOfEnumeration([...SOURCE_DOCUMENT_STATUS.keys])?.label('imported')).toBe('已导入');
  });

  test('finds none for values that are not exactly a set: another enumeration keeps its raw values', () => {
    expect(closedSetOfEnumeration(['draft', 'published'])).toBeUndefined();
    expect(closedSetOfEnumeration(PROVINCE.keys.slice(1))).toBeUndefined();
    expect(closedSetOfEnumeration([...PROVINCE.keys, 'atlantis'])).toBeUndefined();
    expect(closedSetOfEnumeration([])).toBeUndefined();
    expect(closedSetOfEnumeration(undefined)).toBeUndefined();
  });
});
