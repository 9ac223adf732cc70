import { MAX_SLUG_LENGTH, toPinyinSlug } from '../service';

describe('toPinyinSlug', () => {
  test.each([
    ['构建医院党校 提升实干能力', 'gou-jian-yi-yuan-dang-xiao-ti-sheng-shi-gan-neng-li'],
    ['成都市第六人民医院', 'cheng-du-shi-di-liu-ren-min-yi-yuan'],
    ['“道德讲堂”助推党建创新', 'dao-de-jiang-tang-zhu-tui-dang-jian-chuang-xin'],
    ['重庆市人民医院:“混搭”巧解工学矛盾', 'chong-qing-shi-ren-min-yi-yuan-hun-da-qiao-jie-gong-xue-mao-dun'],
    ['以DRG改革为抓手', 'yi-drg-gai-ge-wei-zhua-shou'],
    ['“2+X”模式', '2-x-mo-shi'],
    ['绿色通道', 'lv-se-tong-dao'],
    ['ＡＢＣ　全角１２３', 'abc-quan-jiao-123'],
    ['Hello, World!', 'hello-world'],
  ])('%s → %s', (text, slug) => {
    expect(toPinyinSlug(text)).toBe(slug);
  });

  test('gives nothing for text without letters, digits or Han characters', () => {
    expect(toPinyinSlug('—— ！？ ——')).toBe('');
  });

  test('cuts long titles on a syllable boundary', () => {
    const slug = toPinyinSlug('党建引领高质量发展做优杏林卫士铸党魂品牌全面提升医院综合服务能力和群众满意度的实践与探索');
    expect(slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
    expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(slug.startsWith('dang-jian-yin-ling-gao-zhi-liang-fa-zhan')).toBe(true);
  });
});
