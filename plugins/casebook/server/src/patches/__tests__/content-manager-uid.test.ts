import type { Core } from '@strapi/strapi';
import { CONTENT_MANAGER_UID_WRITTEN_FOR, patchContentManagerUid } from '../content-manager-uid';

type Args = { contentTypeUID: string; field: string; data: Record<string, unknown> };

/** Just what the patch reads of Strapi: its version, the Content Manager's uid service and Casebook's slug service. */
const strapiWith = (version: string | undefined, uidService: Record<string, unknown> | undefined) => {
  const slug = {
    isSlugged: (uid: string) => uid === 'api::case.case',
    uniqueSlug: jest.fn(async (uid: string, text: string, documentId?: string) => `pinyin(${uid}, ${text}, ${documentId})`),
  };
  const services: Record<string, Record<string, Record<string, unknown> | undefined>> = { 'content-manager': { uid: uidService }, casebook: { slug } };
  const strapi = {
    config: { get: (key: string) => (key === 'info.strapi' ? version : undefined) },
    plugin: (name: string) => (services[name] ? { service: (service: string) => services[name]![service] } : undefined),
  } as unknown as Core.Strapi;
  return { strapi, slug };
};

/** A stand-in for Strapi's uid service: generateUIDField answers from `this`, as Strapi's calls this.findUniqueUID. */
const strapiUidService = () => ({
  suffix: 'strapi',
  async generateUIDField(this: { suffix: string }, args: Args) {
    return `${args.field}-${this.suffix}`;
  },
});

test('the patch is written for the Strapi installed here (raise CONTENT_MANAGER_UID_WRITTEN_FOR only after the checks in patches/README.md)', () => {
  expect(require('@strapi/content-manager/package.json').version).toBe(CONTENT_MANAGER_UID_WRITTEN_FOR);
  expect(require('@strapi/core/package.json').version).toBe(CONTENT_MANAGER_UID_WRITTEN_FOR);
});

test.each([['5.55.0'], ['6.0.0'], [undefined]])('Strapi %s stops the start, naming both versions and what to check', (version) => {
  const { strapi } = strapiWith(version, strapiUidService());
  expect(() => patchContentManagerUid(strapi)).toThrow(
    `as written for Strapi ${CONTENT_MANAGER_UID_WRITTEN_FOR}, and this is Strapi ${version}: check that the patch is still needed`,
  );
});

test.each([
  ['without the method', { findUniqueUID: async () => 'x' }],
  ['with something else under its name', { generateUIDField: 'not a function' }],
  ['without the service', undefined],
])("a Content Manager %s stops the start", (_case, uidService) => {
  const { strapi } = strapiWith(CONTENT_MANAGER_UID_WRITTEN_FOR, uidService);
  expect(() => patchContentManagerUid(strapi)).toThrow("Casebook cannot find the Content Manager's uid.generateUIDField");
});

describe('on the Strapi it was written for', () => {
  const patched = () => {
    const uidService = strapiUidService();
    const { strapi, slug } = strapiWith(CONTENT_MANAGER_UID_WRITTEN_FOR, uidService);
    patchContentManagerUid(strapi);
    return { generate: (args: Args) => uidService.generateUIDField(args), slug };
  };

  test("a slugged type's slug comes from the slug service, keeping the document's own slug free", async () => {
    const { generate, slug } = patched();
    await expect(generate({ contentTypeUID: 'api::case.case', field: 'slug', data: { title: '构建医院党校', documentId: 'doc1' } })).resolves.toBe(
      'pinyin(api::case.case, 构建医院党校, doc1)',
    );
    expect(slug.uniqueSlug).toHaveBeenCalledTimes(1);
  });

  test.each([
    ['another field', { contentTypeUID: 'api::case.case', field: 'code', data: { title: '构建医院党校' } }],
    ['a type without pinyin slugs', { contentTypeUID: 'api::metric.metric', field: 'slug', data: { label: '培训' } }],
    ['a blank source', { contentTypeUID: 'api::case.case', field: 'slug', data: { title: '  ' } }],
    ['no source', { contentTypeUID: 'api::case.case', field: 'slug', data: {} }],
  ])("%s goes to Strapi's own method, called on its service", async (_case, args) => {
    const { generate, slug } = patched();
    await expect(generate(args)).resolves.toBe(`${args.field}-strapi`);
    expect(slug.uniqueSlug).not.toHaveBeenCalled();
  });
});
