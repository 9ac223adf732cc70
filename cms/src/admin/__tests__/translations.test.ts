import fs from 'node:fs';
import path from 'node:path';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import zhHans from '../translations/zh-Hans.json';

const STRAPI = path.resolve(__dirname, '../../../../node_modules/@strapi');

/** The strings of a Strapi package's admin in one language, keys as the admin looks them up (plugins' prefixed). */
const strings = (folder: string, language: string, prefix = ''): Record<string, string> => {
  // The compiled translation modules, by file: the packages' exports do not list them.
  const table = (require(path.join(STRAPI, folder, `${language}.json.js`)) as { default: Record<string, string> }).default;
  return Object.fromEntries(Object.entries(table).map(([key, value]) => [`${prefix}${key}`, value]));
};

/** The packages whose screens editors use: the admin's frame and home page, and the Content Manager. */
const PACKAGES = [
  { folder: 'admin/dist/admin/admin/src/translations', prefix: '' },
  { folder: 'content-manager/dist/admin/translations', prefix: 'content-manager.' },
];

type Arguments = { values: string[]; choices: string[] };

/** The arguments of a message (parsing it, which throws on a malformed one): values ({name}) and choices ({count, plural, …}). */
const argumentsOf = (message: string): Arguments => {
  const values = new Set<string>();
  const choices = new Set<string>();
  const visit = (elements: MessageFormatElement[]): void => {
    for (const element of elements) {
      if (element.type === TYPE.plural || element.type === TYPE.select) {
        choices.add(element.value);
        Object.values(element.options).forEach((option) => visit(option.value));
      } else if (element.type === TYPE.tag) {
        visit(element.children);
      } else if (element.type === TYPE.argument || element.type === TYPE.number || element.type === TYPE.date || element.type === TYPE.time) {
        values.add(element.value);
      }
    }
  };
  visit(parse(message));
  return { values: [...values].sort(), choices: [...choices].sort() };
};

const ours = zhHans as Record<string, string>;

/** The packages' compiled admin code: some ids are used with a default message only, in no translation file. */
const sources = (): string => {
  const files = (folder: string): string[] =>
    fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) return entry.name === 'translations' ? [] : files(full);
      return entry.name.endsWith('.mjs') ? [full] : [];
    });
  return ['admin/dist/admin/admin/src', 'content-manager/dist/admin'].flatMap((folder) => files(path.join(STRAPI, folder))).map((file) => fs.readFileSync(file, 'utf8')).join('\n');
};

describe("the admin's Chinese", () => {
  test.each(PACKAGES)('leaves no English string of $folder untranslated', ({ folder, prefix }) => {
    const english = strings(folder, 'en', prefix);
    const strapiChinese = strings(folder, 'zh-Hans', prefix);
    const untranslated = Object.keys(english).filter((key) => !(key in strapiChinese) && !(key in ours));
    expect(untranslated).toEqual([]);
  });

  test('translates only strings Strapi uses, each a valid message with the values of its English', () => {
    const english = Object.assign({}, ...PACKAGES.map(({ folder, prefix }) => strings(folder, 'en', prefix))) as Record<string, string>;
    const code = sources();
    for (const [key, message] of Object.entries(ours)) {
      // Ids Strapi's code uses with a default message and no translation file entry ("Content Manager" in the menu).
      const used = key in english || code.includes(`'${key}'`) || code.includes(`\`${key}\``) || code.includes(`getTranslation(\`${key.replace(/^content-manager\./, '')}\`)`) || code.includes(`getTranslation('${key.replace(/^content-manager\./, '')}')`) || code.includes(`\`\${PLUGIN_ID}.${key.replace(/^content-manager\./, '')}\``);
      expect({ key, used }).toEqual({ key, used: true });
      if (!(key in english)) {
        argumentsOf(message);
        continue;
      }
      const translated = argumentsOf(message);
      const original = argumentsOf(english[key]!);
      // Every value the English shows; a plural or select only English needs (one item, two items) may go.
      expect({ key, dropped: original.values.filter((name) => !translated.values.includes(name)) }).toEqual({ key, dropped: [] });
      const known = new Set([...original.values, ...original.choices]);
      expect({ key, unknown: [...translated.values, ...translated.choices].filter((name) => !known.has(name)) }).toEqual({ key, unknown: [] });
    }
  });
});
