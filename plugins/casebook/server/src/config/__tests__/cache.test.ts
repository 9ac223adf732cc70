import config from '..';

test.each([
  [{ sMaxAge: -1 }, /casebook\.cache\.sMaxAge \(CASEBOOK_CACHE_S_MAXAGE\) must be a whole number of seconds/],
  [{ sMaxAge: 1.5 }, /casebook\.cache\.sMaxAge/],
  [{ staleWhileRevalidate: Number.NaN }, /casebook\.cache\.staleWhileRevalidate \(CASEBOOK_CACHE_STALE_WHILE_REVALIDATE\)/],
])('a cache setting that is no whole number of seconds is refused: %p', (cache, message) => {
  expect(() => config.validator({ cache })).toThrow(message);
});

test('whole seconds pass, 0 included', () => {
  expect(() => config.validator({ cache: { sMaxAge: 0, staleWhileRevalidate: 0 } })).not.toThrow();
  expect(config.default().cache).toEqual({ sMaxAge: 60, staleWhileRevalidate: 300 });
});
