import { extractMetrics } from '../metrics';
import { identityText } from '../tracked-text';

/** Sentences written for these tests in the manner of the genres (news pages, 经验材料, PDF copies). */
const figures = (text: string) => extractMetrics(identityText(text)).map((metric) => `${metric.qualifier}:${metric.value}${metric.unit ?? ''}`);

describe('metrics: what counts as a figure', () => {
  test.each([
    ['a PDF copy that closes “ with 〞 leaves the rest of its line outside the quotes', '荣获“先进集体〞称号。全院现有床位150张,职工96人。', ['exact:150张', 'exact:96人']],
    ['a figure inside a name stays out', '开展“2+3”活动,组建“5个1”服务队。', []],
    ['a sentence spelling out a numeral-built name gives its parts, not results', '推行“1+1+N”模式,即由1个科室党支部与1个社区党委结对,服务群众3000人次。', ['exact:3000人次']],
    ['the parts of a “三个一” system are not results', '建立“三个一”制度,每名党员联系一户群众,每个支部结对1个社区。全院共有党员1名。', ['exact:1名']],
    ['a festival is no numeral-built name', '结合“七一”建党节开展义诊,落实服务清单1项。', ['exact:1项']],
  ])('%s', (_name, text, expected) => {
    expect(figures(text)).toEqual(expected);
  });
});
