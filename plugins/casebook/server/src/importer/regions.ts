import { areaList } from '@vant/area-data';
import { PROVINCE, type Province } from '../closed-sets';
import { INSTITUTION_SEATS, PLACE_NAMESAKES } from './institution-seats';

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
  // Not the list's stand-ins for counties a province or municipality administers directly (县, 省直辖县): nobody names them.
  ...Object.entries(areaList.city_list)
    .filter(([, full]) => !/^县$|直辖/.test(full))
    .map(([code, full]) => ({ full, short: shortName(full), provinceCode: code.slice(0, 2), cityCode: code.slice(0, 4), level: 'city' as const })),
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

const MUNICIPALITIES = new Set(['11', '12', '31', '50']);

/**
 * Districts (…区) by full name, those no other district shares (柳北区, 涪陵区): a name or a text that says one in
 * full places it. Their short names are left out here as in the name finder (城东, 平安, 光明, 友好 are words), and
 * with them the districts a one-character word names (矿区, 中区).
 */
const districts: Place[] = (() => {
  const all = Object.entries(areaList.county_list).filter(([, full]) => full.endsWith('区') && shortName(full).length >= 2 && full !== '市辖区');
  const uses = new Map<string, number>();
  for (const [, full] of all) uses.set(full, (uses.get(full) ?? 0) + 1);
  return all
    .filter(([, full]) => uses.get(full) === 1)
    .map(([code, full]) => ({ full, short: shortName(full), provinceCode: code.slice(0, 2), cityCode: code.slice(0, 4), level: 'county' as const }));
})();

/**
 * Every name `locate` reads as a place, with whether it is the place's full name (四川省, 成都市, 柳北区) or a short
 * one (四川, 成都); as in the name finder, no short name of one character (康县's 康).
 */
const named = new Map<string, { place: Place; full: boolean }>(
  [...byName].filter(([name, place]) => name === place.full || name.length >= 2).map(([name, place]) => [name, { place, full: name === place.full }]),
);
for (const district of districts) if (!named.has(district.full)) named.set(district.full, { place: district, full: true });
const NAMED_LENGTHS = [...new Set([...named.keys()].map((name) => name.length))].sort((a, b) => b - a);
const NAMED_FIRST = new Set([...named.keys()].map((name) => name[0]));

/** After a place's name, what makes it a street's or a gate's (北京路, 中山北路, 广安门, 朝阳门), not the place. */
const STREET_OR_GATE = /^[东西南北中]?(?:路|街|大街|大道|巷|胡同|门(?!诊)|桥)/;

type Named = { place: Place; full: boolean; name: string };

/** The place named at `index` of `text`, by its longest name; none when the name is a street's or a namesake's (中山医院). */
const namedAt = (text: string, index: number): Named | undefined => {
  if (!NAMED_FIRST.has(text[index])) return undefined;
  for (const length of NAMED_LENGTHS) {
    const name = text.slice(index, index + length);
    const found = name.length === length ? named.get(name) : undefined;
    if (!found) continue;
    if (STREET_OR_GATE.test(text.slice(index + length, index + length + 3))) return undefined;
    if (!found.full && PLACE_NAMESAKES.has(name)) return undefined;
    return { ...found, name };
  }
  return undefined;
};

/** A place as a hospital's location: its province (code) and city, null when only the province is known. */
type Spot = { provinceCode: string; city: string | null };

/**
 * The city a place lies in, as editors write it: a municipality for itself and its districts and counties (重庆),
 * a county-level city the province administers directly for itself (仙桃, 石河子), a county for its prefecture's.
 */
const spotOf = (place: Place): Spot => {
  const { provinceCode } = place;
  if (MUNICIPALITIES.has(provinceCode)) return { provinceCode, city: shortName(provinceByCode.get(provinceCode)!) };
  if (place.level === 'province' || place.cityCode === null) return { provinceCode, city: null };
  const city = cityByCode.get(place.cityCode);
  if (city === undefined || /直辖/.test(city)) return { provinceCode, city: place.level === 'county' ? place.short : null };
  return { provinceCode, city: shortName(city) };
};

/** Whether `inner` lies inside `outer` (雅安 inside 四川; 四川 is not inside 雅安). */
const within = (inner: Spot, outer: Spot) => inner.provinceCode === outer.provinceCode && (outer.city === null || inner.city === outer.city);

/**
 * What is known once `more` is read after `known` in a hospital's name: the more specific of the two when they agree
 * (四川 then 雅安), `more` when it is elsewhere (北京大学 then 深圳: the hospital's own city wins over the university's seat).
 */
const then = (known: Spot | null, more: Spot): Spot => {
  if (!known || known.provinceCode !== more.provinceCode) return more;
  return more.city === null ? known : more;
};

const SEATS = Object.entries(INSTITUTION_SEATS)
  .map(([institution, city]) => {
    const place = named.get(city)?.place;
    if (!place) throw new Error(`the seat of ${institution}, ${city}, is not a place of the GB/T 2260 list`);
    return { institution, spot: spotOf(place) };
  })
  .sort((a, b) => b.institution.length - a.institution.length);

/** Where a name's parts start: after a university, a college, 附属, a hospital or group it is part of, a bracket. */
const PART_BOUNDARY = /大学|学院|附属|医院|分院|集团|[(（]/g;
/** The last part of a name: the place before it is the hospital's own (华中科技大学协和深圳医院). */
const LAST_PART = /(?:医院|分院|院区)$/;
/** A name that begins with 市, 县, 区 or 省 is the hospital of the place its text is about (市第三人民医院). */
const LOCAL_NAME = /^[省市县区]/;

/**
 * A part's place after the start of a name: a full name (深圳市, 昆山市), or a province's or a prefecture's short
 * one (深圳, 山西); a county's short name is read only at a name's start, since inside one it is as often a
 * hospital's own word (瑞金医院, 同仁医院, 东方医院).
 */
const partPlaceAt = (name: string, index: number): Spot | undefined => {
  const found = namedAt(name, index);
  return found && (found.full || found.place.level !== 'county') ? spotOf(found.place) : undefined;
};

/** Province and city a hospital's name states or implies, without its text. */
const locateName = (name: string): Spot | null => {
  let spot: Spot | null = null;
  let at = 0;
  const seat = SEATS.find(({ institution }) => name.startsWith(institution));
  const starts: number[] = [];
  if (seat) {
    spot = seat.spot;
    at = seat.institution.length;
    starts.push(at);
  } else {
    // The place names a name starts with, each inside the one before (福建省三明市沙县): 北京朝阳医院 stops at 北京.
    for (let guard = 0; guard < 3; guard += 1) {
      const found = namedAt(name, at);
      if (!found) break;
      const more = spotOf(found.place);
      if (spot && !within(more, spot)) break;
      spot = then(spot, more);
      at += found.name.length;
    }
  }
  for (const boundary of name.slice(at).matchAll(PART_BOUNDARY)) starts.push(at + boundary.index! + boundary[0].length);
  const last = LAST_PART.exec(name);
  if (last && (seat || /大学|学院|医院/.test(name.slice(at, last.index)))) {
    for (let index = at; index < last.index - 1; index += 1) {
      const found = namedAt(name, index);
      if (found && index + found.name.length === last.index) starts.push(index);
    }
  }
  for (const start of starts.sort((a, b) => a - b)) {
    const more = start < name.length ? partPlaceAt(name, start) : undefined;
    if (more) spot = then(spot, more);
  }
  return spot;
};

/**
 * The one place a text names in full (柳北区, 柳州市, 广西壮族自治区) when all it names agree on it: the city when
 * `level` is 'city' (every city named the same, every province named its), the province when 'province'.
 */
const placeOfText = (text: string, level: 'city' | 'province'): Spot | null => {
  const spots: Spot[] = [];
  for (let index = 0; index < text.length; index += 1) {
    const found = namedAt(text, index);
    if (!found) continue;
    // Not a two-character name (南县, 矿区), which is as often the tail of a word (湖南县级医院) as a place.
    if (found.full && found.name.length >= 3) spots.push(spotOf(found.place));
    index += found.name.length - 1;
  }
  const provinces = new Set(spots.map((spot) => spot.provinceCode));
  if (provinces.size !== 1) return null;
  const [provinceCode] = provinces;
  if (level === 'province') return { provinceCode, city: null };
  const cities = new Set(spots.flatMap((spot) => (spot.city === null ? [] : [spot.city])));
  return cities.size === 1 ? { provinceCode, city: [...cities][0] } : null;
};

/**
 * Province and city of a hospital, from what its name states or implies and, for a name that says only 市 or 县
 * (市潭中人民医院), the place its text names:
 * - place names it starts with: 四川省雅安市人民医院 → 四川, 雅安; 富顺县中医医院 → 四川, 自贡; 北京医院 → 北京, 北京;
 * - the seat of the institution it starts with (./institution-seats): 中国中医科学院广安门医院 → 北京, 北京;
 *   四川大学华西医院 → 四川, 成都;
 * - a place after a part of the name, which wins over the university's seat: 北京大学深圳医院 → 广东, 深圳;
 *   南京医科大学附属苏州医院 → 江苏, 苏州;
 * - never a street, a gate or a namesake: 北京路, 广安门, 复旦大学附属中山医院 (上海).
 * Short names (江西, not 江西省) as editors write them.
 */
export const locate = (name: string, text = ''): Located => {
  let spot = locateName(name);
  if (!spot && text && LOCAL_NAME.test(name)) spot = placeOfText(text, name.startsWith('省') ? 'province' : 'city');
  return spot ? { province: shortName(provinceByCode.get(spot.provinceCode)!), city: spot.city } : { province: null, city: null };
};

/** The content model's province key of a province name (四川 or 四川省 → sichuan). */
export const provinceKey = (name: string | null): Province | undefined => {
  if (!name) return undefined;
  return PROVINCE.keyOfLabel(shortName(name));
};
