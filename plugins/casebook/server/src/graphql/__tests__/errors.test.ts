import { clip, clipMessage, clipValues, withoutSuggestions } from '../errors';

describe('clip', () => {
  test.each([
    ['x'.repeat(100), 'x'.repeat(100)],
    ['x'.repeat(101), `${'x'.repeat(100)}…`],
    ['党'.repeat(3000), `${'党'.repeat(100)}…`],
    // Characters, not UTF-16 units: an emoji is never cut in half.
    ['😀'.repeat(100), '😀'.repeat(100)],
    ['😀'.repeat(101), `${'😀'.repeat(100)}…`],
  ])('%#', (text, clipped) => {
    expect(clip(text)).toBe(clipped);
  });

  test('clips every string of details, however deep, and leaves the rest', () => {
    const long = 'a'.repeat(150);
    expect(clipValues({ term: long, terms: 3, nested: { list: [long, 'b', null, true] } })).toEqual({
      term: `${'a'.repeat(100)}…`,
      terms: 3,
      nested: { list: [`${'a'.repeat(100)}…`, 'b', null, true] },
    });
  });
});

describe('clipMessage', () => {
  test('cuts a long value the message quotes, and keeps the rest of the message', () => {
    expect(clipMessage(`No published case with slug ${'a'.repeat(3000)}`)).toBe(`No published case with slug ${'a'.repeat(100)}…`);
    expect(clipMessage(`Variable "$page" got invalid value "${'x'.repeat(3000)}"; Int cannot represent non-integer value`)).toBe(
      `Variable "$page" got invalid value "${'x'.repeat(99)}… Int cannot represent non-integer value`,
    );
  });

  test('cuts a long message of short words at 500 characters', () => {
    const clipped = clipMessage('a '.repeat(1000));
    expect(clipped).toHaveLength(501);
    expect(clipped.endsWith('…')).toBe(true);
  });

  test('leaves an ordinary message alone', () => {
    const message = 'One vote or read per request: send each voteCase or recordCaseView in a request of its own';
    expect(clipMessage(message)).toBe(message);
  });
});

describe('withoutSuggestions', () => {
  test.each([
    ['Cannot query field "titel" on type "Case". Did you mean "title"?', 'Cannot query field "titel" on type "Case".'],
    ['Cannot query field "titel" on type "Case". Did you mean "title" or "votes"?', 'Cannot query field "titel" on type "Case".'],
    ['Value "NEWST" does not exist in "CaseSort" enum. Did you mean the enum value "NEWEST"?', 'Value "NEWST" does not exist in "CaseSort" enum.'],
    [
      'Variable "$sort" got invalid value "NEWST"; Value "NEWST" does not exist in "CaseSort" enum. Did you mean the enum value "NEWEST"?',
      'Variable "$sort" got invalid value "NEWST"; Value "NEWST" does not exist in "CaseSort" enum.',
    ],
    ['Cannot query field "name" on type "Node". Did you mean to use an inline fragment on "Case"?', 'Cannot query field "name" on type "Node".'],
    ['Unknown type "CaseFilter".', 'Unknown type "CaseFilter".'],
  ])('%s', (message, without) => {
    expect(withoutSuggestions(message)).toBe(without);
  });
});
