import fs from 'node:fs';
import path from 'node:path';
import { CAMPAIGN_STAGE, HOSPITAL_CATEGORY, HOSPITAL_LEVEL, METRIC_KIND, METRIC_QUALIFIER, PROVINCE, SOURCE_DOCUMENT_STATUS, type ClosedSet } from '..';
import pluginContentTypes from '../../content-types';

const CMS_SRC = path.resolve(__dirname, '../../../../../../cms/src');

/** The closed set each enumeration attribute of the host's content types and components lists. */
const SET_OF_ATTRIBUTE: Record<string, ClosedSet<string>> = {
  'api::hospital.hospital#province': PROVINCE,
  'api::hospital.hospital#category': HOSPITAL_CATEGORY,
  'api::hospital.hospital#level': HOSPITAL_LEVEL,
  'api::metric.metric#qualifier': METRIC_QUALIFIER,
  'api::metric.metric#kind': METRIC_KIND,
  'api::campaign.campaign#stage': CAMPAIGN_STAGE,
  'plugin::casebook.source-document#importStatus': SOURCE_DOCUMENT_STATUS,
};

type Attribute = { type: string; enum?: string[]; default?: unknown };

const jsonFiles = (directory: string): string[] =>
  fs.readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return jsonFiles(full);
    return entry.name.endsWith('.json') ? [full] : [];
  });

/** Every enumeration attribute in cms/src (content types and components) and in the plugin's content types, by UID and attribute name. */
const enumerations = (): Array<[string, Attribute]> => {
  const schemas = [
    ...jsonFiles(path.join(CMS_SRC, 'api')).flatMap((file) => {
      // api/<api>/content-types/<name>/schema.json → api::<api>.<name>
      const [, api, kind, name, base] = path.relative(CMS_SRC, file).split(path.sep);
      return kind === 'content-types' && base === 'schema.json' ? [[`api::${api}.${name}`, file] as const] : [];
    }),
    ...(fs.existsSync(path.join(CMS_SRC, 'components'))
      ? jsonFiles(path.join(CMS_SRC, 'components')).map((file) => {
          // components/<category>/<name>.json → <category>.<name>
          const [, category, name] = path.relative(CMS_SRC, file).split(path.sep);
          return [`${category}.${name!.replace(/\.json$/, '')}`, file] as const;
        })
      : []),
  ];
  const attributesByUid: Array<[string, Record<string, Attribute>]> = [
    ...schemas.map(([uid, file]) => [uid, (JSON.parse(fs.readFileSync(file, 'utf8')) as { attributes: Record<string, Attribute> }).attributes] as [string, Record<string, Attribute>]),
    // The plugin's own content types, written in TypeScript.
    ...Object.entries(pluginContentTypes).map(([name, { schema }]) => [`plugin::casebook.${name}`, schema.attributes as Record<string, Attribute>] as [string, Record<string, Attribute>]),
  ];
  return attributesByUid.flatMap(([uid, attributes]) =>
    Object.entries(attributes)
      .filter(([, attribute]) => attribute.type === 'enumeration')
      .map(([name, attribute]) => [`${uid}#${name}`, attribute] as [string, Attribute]),
  );
};

describe("the content types' enumerations", () => {
  test('each has its closed set, and each set named here has its enumeration', () => {
    expect(enumerations().map(([attribute]) => attribute).sort()).toEqual(Object.keys(SET_OF_ATTRIBUTE).sort());
  });

  test.each(enumerations())('%s lists the keys of its closed set, in order', (attribute, schema) => {
    const set = SET_OF_ATTRIBUTE[attribute]!;
    expect(schema.enum).toEqual([...set.keys]);
    if (schema.default !== undefined) expect(set.has(schema.default)).toBe(true);
  });
});
