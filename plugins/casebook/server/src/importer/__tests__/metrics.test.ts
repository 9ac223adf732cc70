import { extractMetrics } from '../metrics';
import { identityText } from '../tracked-text';

/** Sentences written for these tests in the manner of the genres (news pages, 经验材料, PDF copies). */
const figures = (text: string) => extractMetrics(identityText(text)).map((metric) => `${metric.qualifier}:${metric.value}${metric.unit ?? ''}`);

describe('metrics: what counts as a figure', () => {
  test.each([
    ['a PDF copy that closes “ with 〞 leaves the rest of its line outside the quotes', '荣获“先进集体〞称号。全院现有床位150张,职工96人。', ['exact:150张', 'exact:96人']],
    ['a figure inside a name stays out', '开展“2+3”活动,组建“5个1”服务队。', []],
  ])('%s', (_name, text, expected) => {
    expect(figures(text)).toEqual(expected);
  });
});
