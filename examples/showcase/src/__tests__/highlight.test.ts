import { describe, expect, test } from '@jest/globals';
import { highlight, type Segment } from '../highlight';

const marked = (segments: Segment[]) => segments.map(({ text, match }) => (match ? `[${text}]` : text)).join('');

describe('a search snippet cut at its matches', () => {
  test.each<[string, string, Array<{ start: number; end: number }>, string]>([
    ['no match', '医院党校培训', [], '医院党校培训'],
    ['one match', '医院党校培训', [{ start: 2, end: 4 }], '医院[党校]培训'],
    ['at both ends', '党校与党校', [{ start: 3, end: 5 }, { start: 0, end: 2 }], '[党校]与[党校]'],
    ['overlapping matches merge', '党建引领发展', [{ start: 0, end: 3 }, { start: 1, end: 4 }], '[党建引领]发展'],
    ['touching matches merge', '党建引领发展', [{ start: 0, end: 2 }, { start: 2, end: 4 }], '[党建引领]发展'],
    ['a match inside another', '党建引领发展', [{ start: 0, end: 4 }, { start: 1, end: 2 }], '[党建引领]发展'],
    ['offsets past the text are clipped', '党校', [{ start: 1, end: 9 }, { start: 5, end: 7 }], '党[校]'],
    ['empty ranges are dropped', '党校', [{ start: 1, end: 1 }], '党校'],
  ])('%s', (_name, text, matches, expected) => {
    const segments = highlight(text, matches);
    expect(marked(segments)).toBe(expected);
    // Nothing of the text is lost or repeated.
    expect(segments.map((segment) => segment.text).join('')).toBe(text);
  });
});
