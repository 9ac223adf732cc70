/**
 * Chinese labels of the closed sets the content model keys in ASCII (Strapi requires GraphQL-safe enum
 * values). One table serves the importer (label → key), the admin and API consumers (key → label).
 */
export const PROVINCES = {
  beijing: '北京', tianjin: '天津', hebei: '河北', shanxi: '山西', neimenggu: '内蒙古', liaoning: '辽宁',
  jilin: '吉林', heilongjiang: '黑龙江', shanghai: '上海', jiangsu: '江苏', zhejiang: '浙江', anhui: '安徽',
  fujian: '福建', jiangxi: '江西', shandong: '山东', henan: '河南', hubei: '湖北', hunan: '湖南',
  guangdong: '广东', guangxi: '广西', hainan: '海南', chongqing: '重庆', sichuan: '四川', guizhou: '贵州',
  yunnan: '云南', xizang: '西藏', shaanxi: '陕西', gansu: '甘肃', qinghai: '青海', ningxia: '宁夏',
  xinjiang: '新疆', xianggang: '香港', aomen: '澳门', taiwan: '台湾',
} as const;

export const HOSPITAL_CATEGORIES = {
  general: '综合', tcm: '中医', integrated: '中西医结合', children: '儿童', maternal_child: '妇幼',
  specialty: '专科', group: '医院集团', primary_care: '基层医疗机构',
} as const;

export const HOSPITAL_LEVELS = {
  grade3a: '三甲', grade3b: '三乙', grade3: '三级', grade2a: '二甲', grade2b: '二乙', grade2: '二级', grade1: '一级',
} as const;

export const CAMPAIGN_STAGES = {
  collecting: '征集', reviewing: '评审', voting: '投票', showcase: '展示', closed: '结束',
} as const;

export type Province = keyof typeof PROVINCES;
export type HospitalCategory = keyof typeof HOSPITAL_CATEGORIES;
export type HospitalLevel = keyof typeof HOSPITAL_LEVELS;

/** The key whose label is `label` (四川 → sichuan), or undefined. */
export const keyOfLabel = <Table extends Record<string, string>>(table: Table, label: string): keyof Table | undefined =>
  (Object.keys(table) as Array<keyof Table>).find((key) => table[key] === label);
