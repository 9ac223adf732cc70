import { seedShowcase } from '../support/fixtures';
import { bootCasebook, type Casebook } from '../support/strapi';

let casebook: Casebook;

beforeAll(async () => {
  casebook = await bootCasebook();
  await seedShowcase(casebook.strapi);
});

afterAll(async () => {
  await casebook?.stop();
});

describe('errors echo at most about 100 characters of a value', () => {
  const LONG = '党'.repeat(3000);
  const echoed = (body: unknown) => JSON.stringify(body);

  test('a 3,000-character search term', async () => {
    const response = await casebook.graphql('query($query: String!) { caseSearch(query: $query) { terms } }', { query: LONG });
    const error = response.errors![0]!;
    expect(error).toMatchObject({ message: 'A search term has at most 50 characters', extensions: { code: 'BAD_USER_INPUT' } });
    expect(error.extensions).toMatchObject({ error: { name: 'ValidationError', details: { term: `${'党'.repeat(100)}…` } } });
    expect(echoed(response.errors).length).toBeLessThan(1000);
  });

  test('a 3,000-character slug in a message and its details', async () => {
    const response = await casebook.graphql('query($slug: String) { caseDetail(slug: $slug) { title } }', { slug: LONG });
    const error = response.errors![0]!;
    expect(error.extensions).toMatchObject({ code: 'STRAPI_NOT_FOUND_ERROR', error: { name: 'NotFoundError', details: { slug: `${'党'.repeat(100)}…` } } });
    expect(error.message).toBe(`No published case with slug ${'党'.repeat(100)}…`);
    expect(echoed(response.errors).length).toBeLessThan(1000);
  });

  test('a 3,000-character value that is not of its variable type', async () => {
    const response = await casebook.graphql('query($page: Int) { caseList(page: $page) { pageInfo { total } } }', { page: 'x'.repeat(3000) });
    expect(response.status).toBe(400);
    expect(response.errors![0]!.extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors![0]!.message).toMatch(/^Variable "\$page" got invalid value "x{99}…/);
    expect(echoed(response.errors).length).toBeLessThan(1000);
  });

  test('short values are echoed whole', async () => {
    const response = await casebook.graphql('{ caseDetail(slug: "no-such-case") { title } }');
    expect(response.errors![0]).toMatchObject({
      message: 'No published case with slug no-such-case',
      extensions: { code: 'STRAPI_NOT_FOUND_ERROR', error: { name: 'NotFoundError', message: 'No published case with slug no-such-case', details: { slug: 'no-such-case' } } },
    });
  });
});
