import { closedSet, type KeyOf } from './closed-set';

/** A hospital's grade where it is stated (Hospital.level). */
export const HOSPITAL_LEVEL = closedSet({
  grade3a: { zh: '三甲', en: 'Grade 3A' },
  grade3b: { zh: '三乙', en: 'Grade 3B' },
  grade3: { zh: '三级', en: 'Grade 3' },
  grade2a: { zh: '二甲', en: 'Grade 2A' },
  grade2b: { zh: '二乙', en: 'Grade 2B' },
  grade2: { zh: '二级', en: 'Grade 2' },
  grade1: { zh: '一级', en: 'Grade 1' },
});

export type HospitalLevel = KeyOf<typeof HOSPITAL_LEVEL>;
