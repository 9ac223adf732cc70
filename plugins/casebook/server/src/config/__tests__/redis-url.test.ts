import config from '..';

test.each([
  ['an http URL with credentials', 'http://casebook:hunter2@cache.internal:6379'],
  ['a bare host and password', 'hunter2@cache.internal:6379'],
])('a REDIS_URL that is not redis:// is refused without repeating it: %s', (_what, redisUrl) => {
  let message = '';
  try {
    config.validator({ redisUrl });
  } catch (error) {
    message = (error as Error).message;
  }
  expect(message).toMatch(/casebook\.redisUrl \(REDIS_URL\) must be a redis:\/\/ or rediss:\/\/ URL/);
  expect(message).not.toContain('hunter2');
});

test('a redis:// or rediss:// URL passes', () => {
  expect(() => config.validator({ redisUrl: 'rediss://:hunter2@cache.internal:6380/0' })).not.toThrow();
});
