import fs from 'node:fs';
import path from 'node:path';
import { isRevisionOf, textSimilarity } from '../identity';

const FIXTURES = path.resolve(__dirname, '../../../../../../test/fixtures/documents');
const SEEDS = path.resolve(__dirname, '../../../../../../seeds/documents');
const read = (folder: string, file: string) => fs.readFileSync(path.join(folder, file), 'utf8');
const seed = (prefix: string) => read(SEEDS, fs.readdirSync(SEEDS).find((file) => file.startsWith(prefix))!);

describe('textSimilarity', () => {
  test('is 1 for the same text, whatever its layout, and 0 for texts without a character pair in common', () => {
    expect(textSimilarity('党委开展主题党日活动', '党委开展\n  主题党日活动')).toBe(1);
    expect(textSimilarity('党委开展活动', '医院门诊')).toBe(0);
  });

  test('counts repeated pairs once each, so a text is not its own repetition', () => {
    expect(textSimilarity('党建党建党建党建', '党建')).toBeLessThan(0.5);
  });
});

describe('isRevisionOf', () => {
  test.each([
    ['a corrected figure', seed('002'), seed('002').replace('引进全日制硕士研究生11人', '引进全日制硕士研究生12人')],
    ['an added paragraph', read(FIXTURES, 'hospital-site-page.txt'), read(FIXTURES, 'hospital-site-page.txt').replace('三、廉洁从医。', '四、志愿服务。医院组建党员志愿服务队5支。\n\n三、廉洁从医。')],
  ])('recognises %s', (_change, previous, next) => {
    expect(isRevisionOf(next, previous)).toBe(true);
  });

  test.each([
    ['two articles of one hospital', read(FIXTURES, 'hospital-site-page.txt'), read(FIXTURES, 'pasted-second-article.txt')],
    ['two seed articles of one genre', seed('000'), seed('001')],
    ['a journal abstract and a news page', read(FIXTURES, 'journal-abstract.txt'), read(FIXTURES, 'traditional-mirror.txt')],
  ])('tells apart %s', (_pair, previous, next) => {
    expect(isRevisionOf(next, previous)).toBe(false);
  });
});
