// A type test: `tsc -p client-sdk/test/types` compiles the intended uses and fails if any misuse below compiles.
import * as z from 'zod/mini';
import {
  createCasebookClient,
  isCasebookError,
  NotFoundError,
  RateLimitError,
  type Case,
  type CaseImage,
  type CaseSlug,
  type CaseSummary,
  type Hospital,
  type HospitalCategory,
  type HospitalLevel,
  type Label,
  type Province,
  type SnippetField,
  type VoteRefusal,
  type VoteResult,
} from '../../src/index.js';
import { CASE_LIST, CASE_SEARCH, VOTE_CASE, type Operation } from '../../src/operations.js';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const expectType = <T extends true>(value: T) => value;

const casebook = createCasebookClient({ endpoint: 'http://localhost:1337/graphql', token: 't', headers: { 'x-app': 'showcase' }, fetch });

export const uses = async () => {
  const page = await casebook.cases.list({ filter: { province: 'sichuan', theme: 'dang-xiao', publishedFrom: '2022-01-01' }, sort: 'MOST_VOTED', page: 2, pageSize: 10 });
  expectType<Equal<typeof page.items, CaseSummary[]>>(true);
  expectType<Equal<typeof page.pageInfo.total, number>>(true);

  const shown = await casebook.cases.get('abc');
  expectType<Equal<typeof shown, Case>>(true);
  expectType<Equal<typeof shown.body, string | null>>(true);
  expectType<Equal<typeof shown.metrics[number]['value'], number | null>>(true);
  expectType<Equal<NonNullable<typeof shown.hospital>['province'], Province | null>>(true);

  const found = await casebook.cases.search('党校', { filter: { category: 'tcm' }, sort: 'RELEVANCE' });
  expectType<Equal<typeof found.terms, string[]>>(true);
  expectType<Equal<typeof found.items[number]['snippet'], { field: SnippetField; text: string; matches: Array<{ start: number; end: number }> } | null>>(true);
  expectType<Equal<SnippetField, 'body' | 'summary' | 'initiatives' | 'title'>>(true);

  const facets = await casebook.cases.facets({ filter: { search: '党建' } });
  expectType<Equal<typeof facets.provinces[number]['count'], number>>(true);
  expectType<Equal<typeof facets.provinces[number]['value'], Province>>(true);
  expectType<Equal<typeof facets.categories[number]['value'], HospitalCategory>>(true);
  // A bucket goes back into a filter as it is, no cast.
  const [province] = facets.provinces;
  const [category] = facets.categories;
  const [theme] = facets.themes;
  if (province && category && theme) await casebook.cases.list({ filter: { province: province.value, category: category.value, theme: theme.value } });

  const draft = await casebook.cases.preview('gou-jian-yi-yuan-dang-xiao');
  expectType<Equal<typeof draft, Case>>(true);
  const sitemap = await casebook.cases.slugs({ filter: { province: 'sichuan' } });
  expectType<Equal<typeof sitemap, CaseSlug[]>>(true);
  expectType<Equal<CaseSlug, { slug: string; updatedAt: string }>>(true);

  const themes = await casebook.request('query Themes { themes { slug name } }', {}, z.object({ themes: z.array(z.object({ slug: z.nullable(z.string()), name: z.string() })) }));
  expectType<Equal<typeof themes, { themes: Array<{ slug: string | null; name: string }> }>>(true);

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

  // Lists and pages show covers and SEO fields.
  expectType<Equal<typeof page.items[number]['cover'], CaseImage | null>>(true);
  expectType<Equal<CaseImage, { url: string; smallUrl: string; alternativeText: string; width: number | null; height: number | null }>>(true);
  expectType<Equal<typeof shown.seo, { title: string; description: string | null }>>(true);

  // Labels are keyed by the closed sets' own types.
  const labels = await casebook.labels();
  expectType<Equal<typeof labels.provinces[number], Label<Province>>>(true);
  expectType<Equal<typeof labels.provinces[number]['key'], Province>>(true);
  expectType<Equal<typeof labels.hospitalLevels[number]['key'], HospitalLevel>>(true);
  expectType<Equal<typeof labels.voteRefusals[number]['key'], VoteRefusal>>(true);
  expectType<Equal<typeof labels.snippetFields[number]['label'], string>>(true);

  // The operations' variables are what their zod schemas put out, not `unknown` and `string`.
  type VariablesOf<O> = O extends Operation<unknown, infer V> ? V : never;
  expectType<Equal<NonNullable<VariablesOf<typeof CASE_LIST>['sort']>, 'NEWEST' | 'OLDEST' | 'MOST_VOTED' | 'MOST_VIEWED' | 'RELEVANCE'>>(true);
  expectType<Equal<NonNullable<NonNullable<VariablesOf<typeof CASE_LIST>['filter']>['province']>, Province>>(true);
  expectType<Equal<VariablesOf<typeof CASE_SEARCH>['query'], string>>(true);
  expectType<Equal<VariablesOf<typeof VOTE_CASE>, { documentId: string; voter: string }>>(true);

  try {
    await casebook.cases.bySlug('x');
  } catch (error) {
    if (error instanceof RateLimitError) expectType<Equal<typeof error.status, number | undefined>>(true);
    if (error instanceof NotFoundError) expectType<Equal<typeof error.name, 'NotFoundError'>>(true);
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
  const labels = await casebook.labels();
  // @ts-expect-error a province's key is no hospital category
  await casebook.cases.list({ filter: { category: labels.provinces[0]!.key } });
  // @ts-expect-error labels take no parameters
  await casebook.labels({ language: 'en' });

  // @ts-expect-error the ranking has a limit, not a page
  await casebook.cases.ranking({ page: 2 });
  // @ts-expect-error an endpoint is required
  createCasebookClient({ token: 't' });
  const shown = await casebook.cases.get('abc');
  // @ts-expect-error fields that are not in the response shape
  shown.sourceDocument;
  const facets = await casebook.cases.facets();
  // @ts-expect-error a province bucket is not a category
  await casebook.cases.list({ filter: { category: facets.provinces[0]!.value } });
  const found = await casebook.cases.search('党校');
  // @ts-expect-error a snippet's field is one of the four texts
  if (found.items[0]?.snippet?.field === 'people') return;
  const vote = await casebook.cases.vote('abc', 'v');
  // @ts-expect-error a refusal is one of the server's VoteRefusal values
  if (vote.reason === 'too_fast') return;
  // @ts-expect-error preview takes a documentId or slug string
  await casebook.cases.preview({ documentId: 'abc' });
  // @ts-expect-error the sitemap query takes a filter, not pages
  await casebook.cases.slugs({ pageSize: 10 });
  // @ts-expect-error request needs a schema for its answer
  await casebook.request('{ themes { name } }', {});
  // @ts-expect-error the client takes no unknown options
  createCasebookClient({ endpoint: '/graphql', retries: 3 });
};
