import { bootCasebook, type Casebook } from '../support/strapi';

// One Strapi per process at a time: production gets a suite of its own.
let production: Casebook;

beforeAll(async () => {
  production = await bootCasebook({ env: { NODE_ENV: 'production' } });
});

afterAll(async () => {
  await production?.stop();
});

test('production GraphQL has neither introspection nor the playground; queries still run', async () => {
  const introspection = await production.graphql('{ __schema { queryType { name } } }');
  expect(introspection.errors?.[0].message).toMatch(/introspection is not allowed/i);

  const landing = await production.http().get('/graphql').set('Accept', 'text/html');
  expect(landing.headers['content-type'] ?? '').not.toMatch(/html/);
  expect(landing.text ?? '').not.toMatch(/sandbox|explorer|playground/i);

  const { errors } = await production.graphql('{ cases { title } }');
  expect(errors).toBeUndefined();
});
