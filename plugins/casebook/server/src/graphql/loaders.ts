import type { Core } from '@strapi/strapi';
import DataLoader from 'dataloader';
import { UID } from '../constants';
import { columnOf, columnsWithout, fromRow, joinTableOf, morphJoinTableOf, tableOf, targetOf } from '../database';
import { isGuarded } from '../drafts';
import type { Counters, EngagementService } from '../engagement';
import { countPublishedCases } from '../showcase';

export type Entity = Record<string, unknown> & { id: number };
/**
 * Which versions of a target to load: a case's published or draft rows, or all rows; for the parts of a case,
 * 'published' means those a published case holds.
 */
export type Status = 'published' | 'draft' | 'all';

const PARENT = '__casebook_parent';
const RANK = '__casebook_rank';

/** The rows of one parent's page: from the start-th (0-based) to before the end-th; every row when end is undefined. */
export type Slice = { start: number; end: number | undefined };

/** What one relation field loads: which versions, which page of each parent's list, and (for cases) whether bodies. */
export type RelationLoad = { status: Status; slice: Slice; withBody: boolean };

/**
 * The targets of one relation (or component) for many parents in one query: the link table joined to the
 * target table, in the link's order, grouped back by parent.
 */
const loadRelation = async (strapi: Core.Strapi, uid: string, attribute: string, { status, slice, withBody }: RelationLoad, parentIds: readonly number[]) => {
  const link = joinTableOf(strapi, uid, attribute);
  const target = targetOf(strapi, uid, attribute);
  const knex = strapi.db.connection;
  const query = knex(`${tableOf(strapi, target)} as t`)
    .join(`${link.name} as j`, (on) => {
      on.on(`j.${link.inverseJoinColumn.name}`, 't.id');
      for (const [column, value] of Object.entries(link.on ?? {})) on.andOnVal(`j.${column}`, value);
    })
    .whereIn(`j.${link.joinColumn.name}`, parentIds)
    .select(withBody || target !== UID.case ? 't.*' : columnsWithout(strapi, target, ['body'], 't'))
    .select({ [PARENT]: `j.${link.joinColumn.name}` });
  if (status !== 'all' && target === UID.case) {
    const publishedAt = `t.${columnOf(strapi, target, 'publishedAt')}`;
    if (status === 'published') query.whereNotNull(publishedAt);
    else query.whereNull(publishedAt);
  } else if (status === 'published' && isGuarded(target)) {
    // A part of a case is public while a published case holds it (the published version of the part, published with it).
    const caseLink = joinTableOf(strapi, target, 'case');
    query.whereExists(
      strapi.db
        .connection(`${caseLink.name} as pl`)
        .join(`${tableOf(strapi, UID.case)} as pc`, 'pc.id', `pl.${caseLink.inverseJoinColumn.name}`)
        .whereRaw(`pl.${caseLink.joinColumn.name} = t.id`)
        .whereNotNull(`pc.${columnOf(strapi, UID.case, 'publishedAt')}`)
        .select(strapi.db.connection.raw('1')),
    );
  }
  // Each parent's page is cut in SQL (a window over the link's order), so a parent with thousands of targets
  // costs its page, not its whole list.
  const order = [...(link.orderColumnName ? [`j.${link.orderColumnName}`] : []), 't.id'];
  query.select(knex.raw(`row_number() over (partition by ?? order by ${order.map(() => '??').join(', ')}) as ??`, [`j.${link.joinColumn.name}`, ...order, RANK]));
  const page = knex.from(query.as('ranked')).where(RANK, '>', slice.start).orderBy([PARENT, RANK]);
  if (slice.end !== undefined) page.where(RANK, '<=', slice.end);

  const byParent = new Map<number, Entity[]>();
  for (const row of (await page) as Array<Record<string, unknown>>) {
    const parent = Number(row[PARENT]);
    const list = byParent.get(parent) ?? [];
    list.push(fromRow(strapi, target, row) as Entity);
    byParent.set(parent, list);
  }
  return parentIds.map((id) => byParent.get(id) ?? []);
};

/**
 * The file each case row's `cover` links, for many rows in one query: the media library's link table (a file's
 * `related`) joined to the files. A row's own link: a published row shows the cover it was published with, never
 * a cover its draft has since been given.
 */
const loadCovers = async (strapi: Core.Strapi, caseIds: readonly number[]): Promise<Array<Entity | null>> => {
  const link = morphJoinTableOf(strapi, UID.file, 'related');
  const owner = `j.${link.morphColumn.idColumn.name}`;
  const rows = (await strapi.db
    .connection(`${tableOf(strapi, UID.file)} as f`)
    .join(`${link.name} as j`, `j.${link.joinColumn.name}`, 'f.id')
    .where(`j.${link.morphColumn.typeColumn.name}`, UID.case)
    .where('j.field', 'cover')
    .whereIn(owner, caseIds)
    .select('f.*', { [PARENT]: owner })) as Array<Record<string, unknown>>;
  const byCase = new Map(rows.map((row) => [Number(row[PARENT]), fromRow(strapi, UID.file, row) as Entity]));
  return caseIds.map((id) => byCase.get(id) ?? null);
};

// Resolvers of one list run in separate microtask chains (Strapi's auth check awaits before each): dispatching
// on the next macrotask collects them all into one batch.
// At most 1,000 parents a statement: nested lists multiply, and databases bound a statement's parameters.
const options = { batchScheduleFn: (dispatch: () => void) => setImmediate(dispatch), maxBatchSize: 1000 };

/** What the loaders ask of the domains: passed in by the GraphQL extension (see registerGraphql). */
export type LoaderSources = { counters: EngagementService['counters'] };

/** One request's loaders: every (relation, status) pair gets a DataLoader, created when first asked for. */
export const createLoaders = (strapi: Core.Strapi, sources: LoaderSources) => {
  const relations = new Map<string, DataLoader<number, Entity[]>>();
  let publishedCaseCounts: DataLoader<number, number> | undefined;
  let counters: DataLoader<string, Counters> | undefined;
  let covers: DataLoader<number, Entity | null> | undefined;
  return {
    relation(uid: string, attribute: string, load: RelationLoad): DataLoader<number, Entity[]> {
      const key = `${uid}.${attribute}.${load.status}.${load.slice.start}.${load.slice.end ?? ''}.${load.withBody}`;
      let loader = relations.get(key);
      if (!loader) {
        loader = new DataLoader((ids) => loadRelation(strapi, uid, attribute, load, ids), options);
        relations.set(key, loader);
      }
      return loader;
    },
    publishedCaseCount(): DataLoader<number, number> {
      publishedCaseCounts ??= new DataLoader((ids) => countPublishedCases(strapi, ids), options);
      return publishedCaseCounts;
    },
    /** The cover file of a case row, by the row's id. */
    covers(): DataLoader<number, Entity | null> {
      covers ??= new DataLoader((ids) => loadCovers(strapi, ids), options);
      return covers;
    },
    /** Votes and views by case documentId. */
    counters(): DataLoader<string, Counters> {
      counters ??= new DataLoader((documentIds) => sources.counters(documentIds), options);
      return counters;
    },
  };
};

export type Loaders = ReturnType<typeof createLoaders>;

const perRequest = new WeakMap<object, Loaders>();

/** The loaders of the GraphQL request whose context this is. */
export const loadersOf = (strapi: Core.Strapi, sources: LoaderSources, context: object): Loaders => {
  let loaders = perRequest.get(context);
  if (!loaders) {
    loaders = createLoaders(strapi, sources);
    perRequest.set(context, loaders);
  }
  return loaders;
};
