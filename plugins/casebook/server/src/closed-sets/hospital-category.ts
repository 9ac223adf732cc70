import { closedSet, type KeyOf } from './closed-set';

/** What kind of hospital it is (Hospital.category). */
export const HOSPITAL_CATEGORY = closedSet({
  general: { zh: '综合', en: 'General' },
  tcm: { zh: '中医', en: 'Traditional Chinese medicine' },
  integrated: { zh: '中西医结合', en: 'Integrated Chinese and Western medicine' },
  children: { zh: '儿童', en: "Children's" },
  maternal_child: { zh: '妇幼', en: 'Maternal and child health' },
  specialty: { zh: '专科', en: 'Specialty' },
  group: { zh: '医院集团', en: 'Hospital group' },
  primary_care: { zh: '基层医疗机构', en: 'Primary care' },
});

export type HospitalCategory = KeyOf<typeof HOSPITAL_CATEGORY>;
