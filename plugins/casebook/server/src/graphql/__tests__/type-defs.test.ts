import { Kind, parse, print, type DocumentNode, type EnumTypeDefinitionNode, type FieldDefinitionNode } from 'graphql';
import { CASE_SORT, HOSPITAL_SORT, SNIPPET_FIELD, VOTE_REFUSAL, type ClosedSet } from '../../closed-sets';
import { LABELLED_SETS, labelsOf } from '../labels';
import { typeDefs } from '../type-defs';

/** Strapi's naming of an enumeration's enum (ENUM_HOSPITAL_PROVINCE), as the live schema has it. */
const enumName = (uid: string, attribute: string) => `ENUM_${uid.split('.').pop()!.toUpperCase()}_${attribute.toUpperCase()}`;

const enumOf = (document: DocumentNode, name: string) =>
  document.definitions.find((definition): definition is EnumTypeDefinitionNode => definition.kind === Kind.ENUM_TYPE_DEFINITION && definition.name.value === name);

/** A field of a type or type extension, wherever the document declares it. */
const fieldOf = (document: DocumentNode, type: string, field: string): FieldDefinitionNode | undefined =>
  document.definitions
    .flatMap((definition) => ('fields' in definition && 'name' in definition && definition.name?.value === type ? (definition.fields as readonly FieldDefinitionNode[]) : []))
    .find((candidate) => candidate.name.value === field);

describe("the showcase's type-defs", () => {
  const document = parse(typeDefs({ readWindowMinutes: 30, enumName }));

  test.each([
    ['CaseSort', CASE_SORT],
    ['HospitalSort', HOSPITAL_SORT],
    ['VoteRefusal', VOTE_REFUSAL],
    ['SnippetField', SNIPPET_FIELD],
  ] as Array<[string, ClosedSet<string>]>)('enum %s lists the keys of its closed set, with their descriptions', (name, set) => {
    const values = enumOf(document, name)?.values ?? [];
    expect(values.map((value) => value.name.value)).toEqual([...set.keys]);
    expect(values.map((value) => value.description?.value)).toEqual(set.keys.map((key) => set.entries[key].description));
  });

  test("a vote's reason is a VoteRefusal, not any string", () => {
    expect(print(fieldOf(document, 'VoteResult', 'reason')!.type)).toBe('VoteRefusal');
  });

  test("a snippet's field is a SnippetField, not any string", () => {
    expect(print(fieldOf(document, 'SearchSnippet', 'field')!.type)).toBe('SnippetField!');
  });

  test.each([
    [45, '45 minutes'],
    [1, '1 minute'],
  ])('configured with a read window of %i, the descriptions say reads count once within %s', (readWindowMinutes, window) => {
    const configured = parse(typeDefs({ readWindowMinutes, enumName }));
    for (const [type, field] of [['Case', 'views'], ['Mutation', 'recordCaseView']] as const) {
      const description = fieldOf(configured, type, field)?.description?.value;
      expect(description).toContain(`within ${window} count once`);
    }
    expect(typeDefs({ readWindowMinutes, enumName })).not.toMatch(/\b30 minutes\b/);
  });

  test.each(LABELLED_SETS.map((entry) => [entry.field, entry.type, entry.enum] as const))('labels.%s lists %s entries whose key is of its enum', (field, type, source) => {
    expect(print(fieldOf(document, 'Labels', field)!.type)).toBe(`[${type}!]!`);
    const expected = 'name' in source ? source.name : enumName(source.uid, source.attribute);
    expect(print(fieldOf(document, type, 'key')!.type)).toBe(`${expected}!`);
  });
});

describe('the labels query', () => {
  test.each(LABELLED_SETS.map((entry) => [entry.field, entry.set] as const))("answers %s: every key of its closed set, in order, with the set's Chinese label", (field, set) => {
    const answered = labelsOf()[field] as Array<{ key: string; label: string }>;
    expect(answered.map(({ key }) => key)).toEqual([...set.keys]);
    expect(answered.map(({ label }) => label)).toEqual(set.keys.map((key) => set.entries[key].zh));
    expect(answered.every(({ label }) => /\p{Script=Han}/u.test(label))).toBe(true);
  });
});
