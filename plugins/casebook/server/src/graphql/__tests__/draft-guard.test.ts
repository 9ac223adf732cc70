import { parse } from 'graphql';
import { documentAsksForDrafts } from '../draft-guard';

describe('documentAsksForDrafts', () => {
  test.each([
    ['a root query for drafts', '{ cases(status: DRAFT) { title } }', undefined, true],
    ['a nested relation for drafts', '{ hospitals { cases(status: DRAFT) { title } } }', undefined, true],
    ['drafts through a variable', 'query ($s: PublicationStatus) { cases(status: $s) { title } }', { s: 'DRAFT' }, true],
    ['drafts in a fragment', '{ hospitals { ...H } } fragment H on Hospital { cases(status: DRAFT) { title } }', undefined, true],
    ['published explicitly', '{ cases(status: PUBLISHED) { title } }', undefined, false],
    ['published through a variable', 'query ($s: PublicationStatus) { cases(status: $s) { title } }', { s: 'PUBLISHED' }, false],
    ['no status at all', '{ cases { title hospital { name } } }', undefined, false],
  ])('%s', (_name, query, variables, expected) => {
    expect(documentAsksForDrafts(parse(query), variables)).toBe(expected);
  });
});
