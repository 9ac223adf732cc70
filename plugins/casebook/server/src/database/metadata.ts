import type { Core } from '@strapi/strapi';

/** A relation's (or component's) link table, as Strapi's database metadata describes it. */
export type JoinTable = {
  name: string;
  joinColumn: { name: string };
  inverseJoinColumn: { name: string };
  orderColumnName?: string;
  inverseOrderColumnName?: string;
  on?: Record<string, string>;
};

/**
 * A polymorphic relation's link table (a file's `related`): each row links the file (joinColumn) to an entry of any
 * type (typeColumn) by its row id (idColumn), in one of the entry's fields (the `field` column).
 */
export type MorphJoinTable = {
  name: string;
  joinColumn: { name: string };
  morphColumn: { typeColumn: { name: string }; idColumn: { name: string } };
};

type AttributeMeta = { type: string; columnName?: string; joinTable?: JoinTable | MorphJoinTable; target?: string };
type ModelMeta = { tableName: string; attributes: Record<string, AttributeMeta>; columnToAttribute: Record<string, string> };

const modelOf = (strapi: Core.Strapi, uid: string) => strapi.db.metadata.get(uid as never) as unknown as ModelMeta;

/** Table and column names come from Strapi's metadata, never spelled out by hand. */
export const tableOf = (strapi: Core.Strapi, uid: string): string => modelOf(strapi, uid).tableName;

export const columnOf = (strapi: Core.Strapi, uid: string, attribute: string): string => {
  const meta = modelOf(strapi, uid).attributes[attribute];
  if (!meta) throw new Error(`${uid} has no attribute ${attribute}`);
  return meta.columnName ?? attribute;
};

export const joinTableOf = (strapi: Core.Strapi, uid: string, attribute: string): JoinTable => {
  const joinTable = modelOf(strapi, uid).attributes[attribute]?.joinTable;
  if (!joinTable || 'morphColumn' in joinTable) throw new Error(`${uid}.${attribute} is not stored in a link table`);
  return joinTable;
};

export const morphJoinTableOf = (strapi: Core.Strapi, uid: string, attribute: string): MorphJoinTable => {
  const joinTable = modelOf(strapi, uid).attributes[attribute]?.joinTable;
  if (!joinTable || !('morphColumn' in joinTable)) throw new Error(`${uid}.${attribute} is not a polymorphic relation`);
  return joinTable;
};

/** The columns of `uid`'s table that hold scalar attributes (relations and components live elsewhere). */
export const scalarColumnsOf = (strapi: Core.Strapi, uid: string): string[] =>
  Object.entries(modelOf(strapi, uid).attributes)
    .filter(([, attribute]) => !['relation', 'component', 'dynamiczone', 'media'].includes(attribute.type))
    .map(([name, attribute]) => attribute.columnName ?? name);

/** The scalar columns of `uid` but those of `without`, as `alias.column`: a read that shows no body need not load it. */
export const columnsWithout = (strapi: Core.Strapi, uid: string, without: readonly string[], alias: string): string[] => {
  const skipped = new Set(without.map((attribute) => columnOf(strapi, uid, attribute)));
  return scalarColumnsOf(strapi, uid)
    .filter((column) => !skipped.has(column))
    .map((column) => `${alias}.${column}`);
};

/** The model (content type or component) a relation or component attribute points to. */
export const targetOf = (strapi: Core.Strapi, uid: string, attribute: string): string => {
  const target = modelOf(strapi, uid).attributes[attribute]?.target;
  if (!target) throw new Error(`${uid}.${attribute} has no target`);
  return target;
};

const fromColumn = (type: string, value: unknown): unknown => {
  if (value === null || value === undefined) return null;
  switch (type) {
    case 'datetime':
    case 'timestamp': {
      const date = value instanceof Date ? value : new Date(value as string | number);
      return Number.isNaN(date.getTime()) ? null : date.toISOString();
    }
    case 'date':
      return value instanceof Date ? value.toISOString().slice(0, 10) : value;
    case 'integer':
    case 'float':
    case 'decimal':
      return Number(value);
    case 'boolean':
      return value === true || value === 1 || value === '1' || value === 't' || value === 'true';
    case 'json':
      return typeof value === 'string' ? JSON.parse(value) : value;
    default:
      return value;
  }
};

/**
 * A raw row of `uid`'s table as the entity Strapi's own queries return: attribute names, and values as Strapi
 * reads them back (ISO datetimes, numbers, parsed JSON). Columns that are not attributes are dropped.
 */
export const fromRow = (strapi: Core.Strapi, uid: string, row: Record<string, unknown>): Record<string, unknown> => {
  const { attributes, columnToAttribute } = modelOf(strapi, uid);
  const entity: Record<string, unknown> = {};
  for (const column of Object.keys(row)) {
    const name = columnToAttribute[column];
    if (name === undefined) continue;
    const attribute = attributes[name]!;
    if (attribute.type === 'relation' || attribute.type === 'component') continue;
    entity[name] = fromColumn(attribute.type, row[column]);
  }
  return entity;
};
