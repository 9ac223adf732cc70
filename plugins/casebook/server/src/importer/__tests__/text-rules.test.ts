import { endsSentence, isCutOff, isHospitalNameLine, sentencesOf } from '../text-rules';

describe('text rules', () => {
  test.each([
    ['医院开展活动。', true],
    ['是否参加? ', true],
    ['医院开展活动,', false],
    ['。医院', false],
  ])('endsSentence(%j) is %s', (text, expected) => expect(endsSentence(text)).toBe(expected));

  test.each([
    ['一句。两句!三句?未完', ['一句。', '两句!', '三句?', '未完']],
    ['没有句号', ['没有句号']],
    ['', ['']],
  ])('sentencesOf(%j)', (text, expected) => expect(sentencesOf(text)).toEqual(expected));

  test.each([
    ['医院党委开展主题党日活动,党员', true],
    ['医院党委开展主题党日活动。', false],
    ['他说:“服务群众。”', false],
    ['(张三 李四)', false],
    ['Party building.', false],
  ])('isCutOff(%j) is %s', (line, expected) => expect(isCutOff(line)).toBe(expected));

  test.each([
    ['成都市第一人民医院', true],
    [' 山东大学齐鲁医院 ', true],
    ['成都市第一人民医院党委', false],
    ['医院', false],
    ['构建医院党校 提升实干能力', false],
  ])('isHospitalNameLine(%j) is %s', (line, expected) => expect(isHospitalNameLine(line)).toBe(expected));
});
