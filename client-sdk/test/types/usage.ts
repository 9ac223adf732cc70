// A type test: `tsc -p client-sdk/test/types` compiles the intended uses and fails if any misuse below compiles.
import { createCasebookClient, isCasebookError, NotFoundError, type Case, type CaseSummary, type Hospital, type Province, type VoteRefusal, type VoteResult } from '../../src/index.js';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const expectType = <T extends true>(value: T) => value;

const casebook = createCasebookClient({ endpoint: 'http://localhost:1337/graphql', token: 't', headers: { 'x-app': 'showcase' }, fetch });

export const uses = async () => {
  const page = await casebook.cases.list({ filter: { province: 'sichuan', theme: 'dangxiao', publishedFrom: '2022-01-01' }, sort: 'MOST_VOTED', page: 2, pageSize: 10 });
  expectType<Equal<typeof page.items, CaseSummary[]>>(true);
  expectType<Equal<typeof page.pageInfo.total, number>>(true);

  const shown = await casebook.cases.get('abc');
  expectType<Equal<typeof shown, Case>>(true);
  expectType<Equal<typeof shown.body, string | null>>(true);
  expectType<Equal<typeof shown.metrics[number]['value'], number | null>>(true);
  expectType<Equal<NonNullable<typeof shown.hospital>['province'], Province | null>>(true);

  const found = await casebook.cases.search('党校', { filter: { category: 'tcm' }, sort: 'RELEVANCE' });
  expectType<Equal<typeof found.terms, string[]>>(true);
  expectType<Equal<typeof found.items[number]['snippet'], { field: string; text: string; matches: Array<{ start: number; end: number }> } | null>>(true);

  const facets = await casebook.cases.facets({ filter: { search: '党建' } });
  expectType<Equal<typeof facets.provinces[number]['count'], number>>(true);

  for await (const item of casebook.cases.iterate({ filter: { city: '成都' } })) expectType<Equal<typeof item, CaseSummary>>(true);

  const hospital = await casebook.hospitals.get('abc');
  expectType<Equal<typeof hospital, Hospital>>(true);
  expectType<Equal<typeof hospital.publishedCaseCount, number>>(true);
  await casebook.hospitals.list({ filter: { withCases: true, name: '华西' }, sort: 'NAME' });

  const vote = await casebook.cases.vote('abc', 'visitor-1', { idempotencyKey: 'k-1' });
  expectType<Equal<typeof vote, VoteResult>>(true);
  expectType<Equal<typeof vote.reason, VoteRefusal | null>>(true);
  const read = await casebook.cases.recordView('abc');
  expectType<Equal<typeof read.views, number>>(true);
  const top = await casebook.cases.ranking({ campaign: '2022-dang-jian', limit: 10 });
  expectType<Equal<typeof top[number]['votes'], number>>(true);

  try {
    await casebook.cases.bySlug('x');
  } catch (error) {
    if (error instanceof NotFoundError) expectType<Equal<typeof error.code, 'NOT_FOUND' | 'FORBIDDEN' | 'VALIDATION' | 'RATE_LIMITED' | 'NETWORK' | 'RESPONSE_SHAPE' | 'SERVER'>>(true);
    if (isCasebookError(error)) error.strapi?.details;
  }
};

export const misuses = async () => {
  // @ts-expect-error a filter that does not exist
  await casebook.cases.list({ filter: { colour: 'red' } });
  // @ts-expect-error a sort key that does not exist
  await casebook.cases.list({ sort: 'CHEAPEST' });
  // @ts-expect-error a province outside the enum
  await casebook.cases.list({ filter: { province: 'atlantis' } });
  // @ts-expect-error page must be a number
  await casebook.cases.list({ page: '2' });
  // @ts-expect-error search takes its query as the first argument, not in the filter
  await casebook.cases.search('党校', { filter: { search: '党建' } });
  // @ts-expect-error the hospital sort keys are not the case sort keys
  await casebook.hospitals.list({ sort: 'NEWEST' });
  // @ts-expect-error iterate owns the page number
  casebook.cases.iterate({ page: 3 });
  // @ts-expect-error get takes a documentId string
  await casebook.cases.get(42);
  // @ts-expect-error a vote needs a voter
  await casebook.cases.vote('abc');
  // @ts-expect-error the Idempotency-Key is a string
  await casebook.cases.vote('abc', 'v', { idempotencyKey: 7 });
  // @ts-expect-error the ranking has a limit, not a page
  await casebook.cases.ranking({ page: 2 });
  // @ts-expect-error an endpoint is required
  createCasebookClient({ token: 't' });
  const shown = await casebook.cases.get('abc');
  // @ts-expect-error fields that are not in the response shape
  shown.sourceDocument;
};
