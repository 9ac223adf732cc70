import { signInAs, type Principal } from '../support/admin';
import { bootCasebook, type Casebook } from '../support/strapi';

/**
 * Issue 12, finding 6: case titles and hospital names are written by editors and importers, and a CSV cell
 * that starts with =, +, -, @, a tab or a carriage return (or their full-width forms) is a live formula in
 * Excel, LibreOffice and Numbers. The exports must hand such a value over as text.
 */
const HOSTILE_TITLES = ['=HYPERLINK("http://x","y")', '+1+1 加号开头', '-2+3 减号开头', '@SUM(1,1)', '\t=1+1 制表符开头', '\r=1+1 回车开头', '＝1+1 全角等号'];
const HOSTILE_HOSPITAL = '=1+2 人民医院';
/** What a spreadsheet program takes for the start of a formula. */
/** ISO 8601 with the +08:00 offset of Beijing time. */
const BEIJING_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+08:00$/;
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

let casebook: Casebook;
let admin: Principal;
let campaign: { documentId: string };

/** RFC 4180 fields: quoted fields may hold commas, doubled quotes and line breaks. */
const parseCsv = (text: string): string[][] => {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index]!;
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\n' || (char === '\r' && text[index + 1] === '\n')) {
      if (char === '\r') index += 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += char;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
};

const download = async (path: string): Promise<string[][]> => {
  const response = await admin
    .get(path)
    .buffer(true)
    .parse((res, done) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => done(null, text));
    });
  expect(response.status).toBe(200);
  return parseCsv((response.body as string).replace(/^\uFEFF/, ''));
};

beforeAll(async () => {
  casebook = await bootCasebook({ env: { CASEBOOK_VOTE_RATE_LIMIT: '0', CASEBOOK_VIEW_RATE_LIMIT: '0' } });
  const documents = casebook.strapi.documents;
  campaign = await documents('api::campaign.campaign').create({ data: { name: '公式注入测试活动', year: 2026, stage: 'voting' } });
  const hospital = await documents('api::hospital.hospital').create({ data: { name: HOSTILE_HOSPITAL } });
  const engagement = casebook.strapi.plugin('casebook').service('engagement');
  for (const [index, title] of HOSTILE_TITLES.entries()) {
    const created = await documents('api::case.case').create({ data: { title, hospital: hospital.documentId, campaign: campaign.documentId } });
    await documents('api::case.case').publish({ documentId: created.documentId });
    // Different vote counts, so the ranking has an order to keep.
    for (let voter = 0; voter <= index; voter += 1) await engagement.vote(created.documentId, { voter: `csv-voter-${voter}`, address: '198.51.100.7' });
  }
  admin = await signInAs(casebook, 'strapi-super-admin');
});

afterAll(async () => {
  await casebook?.stop();
});

describe('CSV exports of a campaign whose cases carry formulas in their titles', () => {
  test('ranking.csv: no cell starts a formula; titles and the hospital keep their text behind a quote mark; rank and votes stay numbers', async () => {
    const [header, ...rows] = await download(`/casebook/campaigns/${campaign.documentId}/ranking.csv`);
    expect(header).toEqual(['名次', '案例 documentId', '案例标题', '医院', '投票数', '阅读数', '最后投票时间 (北京时间)']);
    expect(rows).toHaveLength(HOSTILE_TITLES.length);
    expect(rows.flat().filter((cell) => FORMULA_START.test(cell))).toEqual([]);
    expect(rows.map((row) => row[2]).sort()).toEqual(HOSTILE_TITLES.map((title) => `'${title}`).sort());
    expect(new Set(rows.map((row) => row[3]))).toEqual(new Set([`'${HOSTILE_HOSPITAL}`]));
    expect(rows.map((row) => row[0])).toEqual(HOSTILE_TITLES.map((_, index) => String(index + 1)));
    expect(rows.map((row) => row[4])).toEqual(HOSTILE_TITLES.map((_, index) => String(HOSTILE_TITLES.length - index)));
    expect(rows.map((row) => row[6])).toEqual(rows.map(() => expect.stringMatching(BEIJING_TIME)));
  });

  test('ballots.csv: no cell starts a formula; every title keeps its text behind a quote mark', async () => {
    const [header, ...rows] = await download(`/casebook/campaigns/${campaign.documentId}/ballots.csv`);
    expect(header).toEqual(['投票时间 (北京时间)', '案例 documentId', '案例标题', '投票人密钥', '计票周期']);
    expect(rows).toHaveLength((HOSTILE_TITLES.length * (HOSTILE_TITLES.length + 1)) / 2);
    expect(rows.flat().filter((cell) => FORMULA_START.test(cell))).toEqual([]);
    expect(new Set(rows.map((row) => row[2]))).toEqual(new Set(HOSTILE_TITLES.map((title) => `'${title}`)));
  });

  test("ballots.csv: a ballot's time is Beijing time, the zone of its period's day, so both name the same day", async () => {
    const [, ...rows] = await download(`/casebook/campaigns/${campaign.documentId}/ballots.csv`);
    for (const [castAt, , , , period] of rows) {
      expect(castAt).toMatch(BEIJING_TIME);
      expect(Date.parse(castAt!)).not.toBeNaN();
      expect(period).toBe(`day:${castAt!.slice(0, 10)}`);
    }
  });
});
