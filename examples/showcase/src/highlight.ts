import type { TextRange } from '@casebook/sdk';

export type Segment = { text: string; match: boolean };

/**
 * `text` cut at the search matches (offsets into it, as cases.search answers them), for rendering with <mark>
 * and no HTML: out-of-range offsets are clipped, overlapping and touching matches merged.
 */
export const highlight = (text: string, matches: readonly TextRange[]): Segment[] => {
  const ranges = matches
    .map(({ start, end }) => ({ start: Math.max(0, Math.min(start, text.length)), end: Math.max(0, Math.min(end, text.length)) }))
    .filter(({ start, end }) => end > start)
    .sort((a, b) => a.start - b.start);
  const segments: Segment[] = [];
  let at = 0;
  for (const { start, end } of ranges) {
    if (end <= at) continue;
    const from = Math.max(start, at);
    if (from > at) segments.push({ text: text.slice(at, from), match: false });
    const last = segments[segments.length - 1];
    if (from === at && last?.match) last.text += text.slice(from, end);
    else segments.push({ text: text.slice(from, end), match: true });
    at = end;
  }
  if (at < text.length) segments.push({ text: text.slice(at), match: false });
  return segments;
};
