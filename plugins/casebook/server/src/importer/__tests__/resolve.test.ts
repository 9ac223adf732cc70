import { resolveHospital, type KnownHospital } from '../resolve';

const known: KnownHospital[] = [
  { documentId: 'qd', name: '青岛市市立医院集团', aliases: [] },
  { documentId: 'hx', name: '四川大学华西医院', aliases: ['华西医院'] },
  { documentId: 'sx', name: '福建省三明市沙县总医院', aliases: [] },
  { documentId: 'cq', name: '重庆市人民医院', aliases: [] },
  { documentId: 'ya', name: '四川省雅安市人民医院', aliases: [] },
];

describe('resolveHospital', () => {
  test.each([
    ['the same name', '青岛市市立医院集团', 'qd'],
    ['a recorded alias', '华西医院', 'hx'],
    ['an unambiguous short form', '沙县总医院', 'sx'],
    ['a fuller name of a known hospital', '中国重庆市人民医院', 'cq'],
    ['a name with stray spaces', '四川大学 华西医院', 'hx'],
  ])('finds %s', (_case, name, documentId) => {
    expect(resolveHospital(name, known)?.documentId).toBe(documentId);
  });

  test.each([
    ['a short form two hospitals end with', '市人民医院'],
    ['a different hospital', '四川省人民医院'],
    ['a fragment too short to mean anything', '医院'],
  ])('does not guess for %s', (_case, name) => {
    expect(resolveHospital(name, known)).toBeNull();
  });
});
