import type { TrackedText } from './types';

export const identityText = (text: string): TrackedText => {
  const offsets = new Int32Array(text.length + 1);
  for (let index = 0; index <= text.length; index += 1) offsets[index] = index;
  return { text, offsets };
};

/** Builds a TrackedText piece by piece, each piece saying where in the original it came from. */
export class TrackedTextBuilder {
  private readonly parts: string[] = [];
  private readonly origins: number[] = [];
  private end = 0;

  /** Characters copied from the original starting at `origin` (one original character each). */
  copy(text: string, origin: number): this {
    this.parts.push(text);
    for (let index = 0; index < text.length; index += 1) this.origins.push(origin + index);
    this.end = Math.max(this.end, origin + text.length);
    return this;
  }

  /** Characters that stand for the original range [origin, originEnd) as a whole (an entity, a tag). */
  replace(text: string, origin: number, originEnd: number): this {
    this.parts.push(text);
    for (let index = 0; index < text.length; index += 1) this.origins.push(origin);
    this.end = Math.max(this.end, originEnd);
    return this;
  }

  build(end = this.end): TrackedText {
    const text = this.parts.join('');
    const offsets = new Int32Array(text.length + 1);
    offsets.set(this.origins);
    offsets[text.length] = end;
    return { text, offsets };
  }
}

/** Applies a character-by-character map that keeps every position (same length in, same length out). */
export const mapChars = (input: TrackedText, map: (text: string) => string): TrackedText => {
  const mapped = map(input.text);
  if (mapped.length !== input.text.length) throw new Error('mapChars needs a length-preserving map');
  return { text: mapped, offsets: input.offsets };
};

/** Keeps the characters outside the given sorted, non-overlapping [start, end) ranges of `input.text`. */
export const dropRanges = (input: TrackedText, ranges: Array<[number, number]>): TrackedText => {
  if (ranges.length === 0) return input;
  const kept: Array<[number, number]> = [];
  let cursor = 0;
  for (const [start, end] of ranges) {
    if (start > cursor) kept.push([cursor, start]);
    cursor = Math.max(cursor, end);
  }
  if (input.text.length > cursor) kept.push([cursor, input.text.length]);
  // Whole stretches are copied, text and offsets alike: one character at a time, a 5 MB text took seconds.
  const length = kept.reduce((sum, [start, end]) => sum + end - start, 0);
  const offsets = new Int32Array(length + 1);
  let at = 0;
  for (const [start, end] of kept) {
    offsets.set(input.offsets.subarray(start, end), at);
    at += end - start;
  }
  offsets[length] = input.offsets[input.text.length];
  return { text: kept.map(([start, end]) => input.text.slice(start, end)).join(''), offsets };
};

/** The original range a slice [start, end) of the tracked text comes from. */
export const originalRange = (input: TrackedText, start: number, end: number): { start: number; end: number } => ({
  start: input.offsets[start],
  end: end > start ? input.offsets[end - 1] + 1 : input.offsets[start],
});
