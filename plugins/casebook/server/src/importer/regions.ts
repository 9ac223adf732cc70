import { areaList } from '@vant/area-data';
import { PROVINCE, type Province } from '../closed-sets';

/** 四川省 → 四川, 广西壮族自治区 → 广西, 成都市 → 成都, 富顺县 → 富顺 … */
const shortName = (name: string): string =>
  name
    .replace(/(维吾尔|壮族|回族)?自治区$|特别行政区$/, '')
    .replace(/(省|市)$/, '')
    .replace(/(自治州|地区|盟)$/, '')
    .replace(/(自治县|县|区)$/, '');

type Place = { full: string; short: string; provinceCode: string; cityCode: string | null; level: 'province' | 'city' | 'county' };

const places: Place[] = [
  ...Object.entries(areaList.province_list).map(([code, full]) => ({ full, short: shortName(full), provinceCode: code.slice(0, 2), cityCode: null, level: 'province' as const })),
  ...Object.entries(areaList.city_list).map(([code, full]) => ({ full, short: shortName(full), provinceCode: code.slice(0, 2), cityCode: code.slice(0, 4), level: 'city' as const })),
  // Counties and county-level cities (彭州市, 义乌市): a hospital is named after either. Districts (…区) are left
  // out: their short names (高新, 城关) are words of any text.
  ...Object.entries(areaList.county_list)
    .filter(([, full]) => /[县市]$/.test(full))
    .map(([code, full]) => ({ full, short: shortName(full), provinceCode: code.slice(0, 2), cityCode: code.slice(0, 4), level: 'county' as const })),
];

const provinceByCode = new Map(Object.entries(areaList.province_list).map(([code, full]) => [code.slice(0, 2), full]));
const cityByCode = new Map(Object.entries(areaList.city_list).map(([code, full]) => [code.slice(0, 4), full]));

/** Place names a hospital name may start with, longest first: full names, then short names of two or more characters. */
const PLACE_PREFIXES: string[] = Array.from(
  new Set(places.flatMap((place) => (place.short.length >= 2 ? [place.full, place.short] : [place.full]))),
).sort((a, b) => b.length - a.length);

const PREFIX_SET = new Set(PLACE_PREFIXES);
const PREFIX_LENGTHS = [...new Set(PLACE_PREFIXES.map((prefix) => prefix.length))].sort((a, b) => b - a);

/** The longest place name `text` starts with at `index`, by set look-up rather than a scan of every name. */
export const placePrefixAt = (text: string, index = 0): string | undefined => {
  for (const length of PREFIX_LENGTHS) {
    const candidate = text.slice(index, index + length);
    if (candidate.length === length && PREFIX_SET.has(candidate)) return candidate;
  }
  return undefined;
};

const byName = new Map<string, Place>();
for (const place of places) {
  for (const name of [place.full, place.short]) {
    const known = byName.get(name);
    // A name shared by a province and a city (北京, 重庆) means the higher level; cities beat counties.
    const rank = { province: 0, city: 1, county: 2 };
    if (!known || rank[place.level] < rank[known.level]) byName.set(name, place);
  }
}

export type Located = { province: string | null; city: string | null };

/**
 * Province and city a hospital name states or implies: 四川省雅安市人民医院 → 四川, 雅安;
 * 成都市第六人民医院 → 四川, 成都; 富顺县中医医院 → 四川, 自贡. Short names (江西省 → 江西) as editors write them.
 */
export const locate = (name: string): Located => {
  let province: string | null = null;
  let city: string | null = null;
  let rest = name;
  for (let guard = 0; guard < 3; guard += 1) {
    const prefix = placePrefixAt(rest);
    if (!prefix) break;
    const place = byName.get(prefix)!;
    province ??= shortName(provinceByCode.get(place.provinceCode)!);
    if (place.level !== 'province' && place.cityCode) city ??= shortName(cityByCode.get(place.cityCode) ?? place.full);
    if (place.level === 'province' && ['北京', '天津', '上海', '重庆'].includes(place.short)) city ??= place.short;
    rest = rest.slice(prefix.length);
  }
  return { province, city };
};

/** The content model's province key of a province name (四川 or 四川省 → sichuan). */
export const provinceKey = (name: string | null): Province | undefined => {
  if (!name) return undefined;
  return PROVINCE.keyOfLabel(shortName(name));
};
