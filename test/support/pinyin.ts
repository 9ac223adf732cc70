/**
 * Inline pinyin a web mirror put after characters (醫(yī)院), for tests that compare a quote in the normalised
 * text with its stretch of the original. Every tone vowel: á, à, ú … are Latin-1 letters, outside ā-ǜ.
 */
export const INLINE_PINYIN = /\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)/g;
