const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000, 万: 10000, 亿: 100000000 };

export const CHINESE_NUMERAL = '[零〇一二两三四五六七八九十百千万亿]';
/** A Chinese number starts with a digit or 十: 百年, 千家万户 and 万人 are words, not numbers. */
export const CHINESE_NUMERAL_START = '[一二两三四五六七八九十]';

const WHOLE_CHINESE_NUMERAL = new RegExp(`^${CHINESE_NUMERAL}+$`);

/** 三 → 3, 十五 → 15, 二百零六 → 206, 1.2万 → 12000; null when it is not a number. */
export const parseNumber = (text: string): number | null => {
  const arabic = /^(\d+(?:\.\d+)?)([十百千万亿]?)$/.exec(text);
  if (arabic) return Number(arabic[1]) * (arabic[2] ? UNITS[arabic[2]] : 1);
  if (!WHOLE_CHINESE_NUMERAL.test(text)) return null;
  let total = 0;
  let section = 0;
  let digit = 0;
  for (const char of text) {
    if (char in DIGITS) {
      digit = DIGITS[char];
    } else if (char === '万' || char === '亿') {
      total += (section + digit) * UNITS[char];
      section = 0;
      digit = 0;
    } else {
      section += (digit || 1) * UNITS[char];
      digit = 0;
    }
  }
  return total + section + digit;
};
