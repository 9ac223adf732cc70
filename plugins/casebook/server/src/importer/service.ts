import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { detachParts } from '../case-parts';
import { UID } from '../constants';
import { joinTableOf } from '../database';
import { HOSPITAL_CATEGORY, HOSPITAL_LEVEL } from '../closed-sets';
import fs from 'node:fs';
import { collectPaths } from './files';
import { createExtractionPool } from './pool';
import type { ExtractionSummary } from './worker';
import { describeHospital } from './hospitals';
import { REVISION_SIMILARITY, textSimilarity } from './identity';
import { provinceKey } from './regions';
import { resolveHospital, type KnownHospital } from './resolve';
import { ImportError, type ExtractedCase, type ExtractedDocument, type ExtractedHospital, type ImportPreview } from './types';
import { serviceAccessor } from '../plugin-services';

export type ImportStatus = 'created' | 'updated' | 'unchanged' | 'failed';

export type ImportReport = {
  file: string;
  status: ImportStatus;
  sha256: string | null;
  cases: { created: number; updated: number };
  hospitals: { created: number; matched: number };
  initiatives: number;
  metrics: number;
  mentions: string[];
  error?: string;
  /** Why the document was refused, when it was (an ImportError's code), or 'database' when writing it failed. */
  code?: ImportError['code'] | 'database';
};

export type ImportOptions = {
  publish?: boolean;
  dryRun?: boolean;
  /** The extraction as an editor corrected it in the admin (items dropped, names fixed); the file's own otherwise. */
  document?: ExtractedDocument;
  /**
   * The editor's choice of what the document is a new version of: a case's documentId, or a source document's (its cases).
   * Without it, a case is a new version only of a case whose source text it recognisably is (see importer/identity).
   */
  replace?: string;
};

class DryRunRollback extends Error {}

const emptyReport = (file: string): ImportReport => ({
  file,
  status: 'failed',
  sha256: null,
  cases: { created: 0, updated: 0 },
  hospitals: { created: 0, matched: 0 },
  initiatives: 0,
  metrics: 0,
  mentions: [],
});

const validDate = (date: string | null) => (date && !Number.isNaN(Date.parse(date)) ? date : null);

/**
 * The write stage: one transaction per document. A document whose normalised text was imported before is
 * "unchanged" and writes nothing. A case that is a new version of one imported before (its source text
 * recognisably the same article, or the editor's explicit `replace`) becomes that case's new draft, beside a
 * new source-document record: what is published, and the source its offsets point into, changes only when
 * an editor publishes. Anything else creates drafts (or published cases with `publish`). A file name is no identity.
 */
const importerService = ({ strapi }: { strapi: Core.Strapi }) => {
  // Extraction runs in worker threads: an upload that takes long to extract does not stall the server.
  const extraction = createExtractionPool();

  const knownHospitals = async (): Promise<KnownHospital[]> => {
    const rows = (await strapi.db.query(UID.hospital).findMany({ select: ['documentId', 'name', 'aliases'] })) as Array<{
      documentId: string;
      name: string;
      aliases: unknown;
    }>;
    return rows.map((row) => ({ documentId: row.documentId, name: row.name, aliases: Array.isArray(row.aliases) ? (row.aliases as string[]) : [] }));
  };

  const ensureHospital = async (hospital: ExtractedHospital, known: KnownHospital[], report: ImportReport): Promise<string> => {
    const existing = resolveHospital(hospital.name, known);
    if (existing) {
      report.hospitals.matched += 1;
      const aliases = [...new Set([...existing.aliases, ...hospital.aliases, ...(existing.name !== hospital.name ? [hospital.name] : [])])];
      if (aliases.length !== existing.aliases.length) {
        await strapi.documents(UID.hospital).update({ documentId: existing.documentId, data: { aliases } });
        existing.aliases = aliases;
      }
      return existing.documentId;
    }
    const created = await strapi.documents(UID.hospital).create({
      data: {
        name: hospital.name,
        aliases: hospital.aliases,
        province: provinceKey(hospital.province),
        city: hospital.city ?? undefined,
        category: hospital.category ? HOSPITAL_CATEGORY.keyOfLabel(hospital.category) : undefined,
        level: hospital.level ? HOSPITAL_LEVEL.keyOfLabel(hospital.level) : undefined,
      } as never,
    });
    known.push({ documentId: created.documentId, name: hospital.name, aliases: hospital.aliases });
    report.hospitals.created += 1;
    return created.documentId;
  };

  type ThemeRef = { documentId: string; id: number };

  /** A theme by name, found or created once per document. */
  const theme = async (name: string, cache: Map<string, ThemeRef>): Promise<ThemeRef> => {
    let found = cache.get(name);
    if (!found) {
      const existing = (await strapi.db.query(UID.theme).findOne({ select: ['id', 'documentId'], where: { name } })) as ThemeRef | null;
      found = existing ?? ((await strapi.documents(UID.theme).create({ data: { name } })) as unknown as ThemeRef);
      cache.set(name, found);
    }
    return found;
  };
  /**
   * Themes one after another, never in parallel: the document's transaction runs on one connection (pg queues
   * concurrent queries on a client, deprecated, and pg 9 refuses them), and a new name met twice at once would be
   * created twice.
   */
  const themeIds = async (names: string[], cache: Map<string, ThemeRef>) => {
    const ids: string[] = [];
    for (const name of names) ids.push((await theme(name, cache)).documentId);
    return ids;
  };
  const themeRowId = async (name: string, cache: Map<string, ThemeRef>) => (await theme(name, cache)).id;

  /** Link rows [owner id, target id] of a relation, in one statement on the document's transaction. */
  const link = async (uid: string, attribute: string, pairs: Array<[number, number]>, trx: Knex.Transaction) => {
    if (pairs.length === 0) return;
    const table = joinTableOf(strapi, uid, attribute);
    await strapi.db
      .getConnection(table.name)
      .transacting(trx)
      .insert(
        pairs.map(([owner, target], index) => ({
          [table.joinColumn.name]: owner,
          [table.inverseJoinColumn.name]: target,
          ...(table.inverseOrderColumnName ? { [table.inverseOrderColumnName]: index + 1 } : {}),
        })),
      );
  };

  /**
   * A case's initiatives or metrics, inserted in one statement and linked to the case's draft row in another:
   * the document service would spend a dozen queries per row (locale, validation, reloads) on rows this stage
   * has already checked. Publishing the case links its published row, as for any edit.
   */
  const insertParts = async (uid: string, rows: Array<Record<string, unknown>>, caseRowId: number, trx: Knex.Transaction): Promise<number[]> => {
    if (rows.length === 0) return [];
    const publishedAt = new Date();
    const { ids } = (await strapi.db.query(uid as never).createMany({ data: rows.map((row) => ({ ...row, publishedAt })) })) as { ids: number[] };
    if (ids.length !== rows.length) throw new Error(`inserted ${rows.length} rows into ${uid} but got ${ids.length} ids back`);
    await link(uid, 'case', ids.map((id) => [id, caseRowId] as [number, number]), trx);
    return ids;
  };

  /** An existing case an imported one becomes the new draft of. */
  type Revised = { documentId: string; title: string };
  type ImportedCase = Revised & { text: string };

  /** The drafts of a hospital's imported cases, each with the stretch of source text it was extracted from. */
  const importedCasesOf = async (hospitalId: string): Promise<ImportedCase[]> => {
    const rows = (await strapi.db.query(UID.case).findMany({
      select: ['documentId', 'title', 'sourceStart', 'sourceEnd'],
      where: { publishedAt: null, hospital: { documentId: hospitalId } },
      populate: { sourceDocument: { select: ['originalText'] } },
    })) as Array<Revised & { sourceStart: number | null; sourceEnd: number | null; sourceDocument: { originalText: string } | null }>;
    return rows.flatMap(({ documentId, title, sourceStart, sourceEnd, sourceDocument }) =>
      sourceDocument ? [{ documentId, title, text: sourceDocument.originalText.slice(sourceStart ?? 0, sourceEnd ?? undefined) }] : [],
    );
  };

  /**
   * The case imported before that `extracted` is a new version of: of the same hospital, its source text
   * recognisably the same article (see importer/identity), the closest one not `taken` by another case.
   */
  const revisionOf = async (extracted: ExtractedCase, original: string, hospitalId: string | null, taken: Set<string>): Promise<Revised | null> => {
    if (!hospitalId) return null;
    const text = original.slice(extracted.start, extracted.end);
    let best: { revised: Revised; similarity: number } | null = null;
    for (const candidate of await importedCasesOf(hospitalId)) {
      if (taken.has(candidate.documentId)) continue;
      const similarity = textSimilarity(text, candidate.text);
      if (similarity >= REVISION_SIMILARITY && (!best || similarity > best.similarity)) {
        best = { revised: { documentId: candidate.documentId, title: candidate.title }, similarity };
      }
    }
    return best?.revised ?? null;
  };

  type Target = Revised & { hospital: string | null };

  /**
   * The cases an editor chose to replace: the case `documentId` names, or those imported from the source document it names.
   * @throws ImportError when it names neither.
   */
  const replaceTargets = async (documentId: string): Promise<Target[]> => {
    const draftsWhere = async (where: Record<string, unknown>): Promise<Target[]> => {
      const rows = (await strapi.db.query(UID.case).findMany({
        select: ['documentId', 'title'],
        where: { ...where, publishedAt: null },
        populate: { hospital: { select: ['documentId'] } },
      })) as Array<Revised & { hospital: { documentId: string } | null }>;
      return rows.map((row) => ({ documentId: row.documentId, title: row.title, hospital: row.hospital?.documentId ?? null }));
    };
    const cases = await draftsWhere({ documentId });
    if (cases.length > 0) return cases;
    const source = await strapi.db.query(UID.sourceDocument).findOne({ select: ['id'], where: { documentId } });
    if (!source) throw new ImportError(`no case or source document has documentId ${documentId}`, 'replace');
    const versions = (await strapi.db.query(UID.case).findMany({ select: ['documentId'], where: { sourceDocument: { documentId } } })) as Array<{ documentId: string }>;
    return draftsWhere({ documentId: { $in: [...new Set(versions.map((version) => version.documentId))] } });
  };

  /** Writes one case's draft, a new one or a new version of `revised`, and returns its documentId. */
  const writeCase = async (
    extracted: ExtractedCase,
    hospitalId: string,
    sourceDocumentId: string,
    revised: Revised | null,
    options: ImportOptions,
    report: ImportReport,
    themes: Map<string, ThemeRef>,
    trx: Knex.Transaction,
  ): Promise<string> => {
    const caseThemes = await themeIds(extracted.themes, themes);
    const data = {
      title: extracted.title.slice(0, 200),
      hospital: hospitalId,
      summary: extracted.summary,
      body: extracted.body,
      people: extracted.people.map((person) => ({ name: person.name.slice(0, 40), role: person.role?.slice(0, 80) ?? undefined })),
      source: {
        publication: extracted.source.publication ?? undefined,
        column: extracted.source.column ?? undefined,
        issue: extracted.source.issue ?? undefined,
        date: validDate(extracted.source.date) ?? undefined,
        url: extracted.source.url ?? undefined,
        readCount: extracted.source.readCount ?? undefined,
      },
      themes: caseThemes,
      sourceDocument: sourceDocumentId,
      sourceStart: extracted.start,
      sourceEnd: extracted.end,
    };
    let caseId: string;
    if (revised) {
      // The draft only: the published version, its parts and the source document its offsets point into stay until an editor publishes.
      await strapi.documents(UID.case).update({ documentId: revised.documentId, data: data as never });
      caseId = revised.documentId;
      report.cases.updated += 1;
    } else {
      caseId = (await strapi.documents(UID.case).create({ data: data as never })).documentId;
      report.cases.created += 1;
    }
    const draftRow = (await strapi.db.query(UID.case).findOne({ select: ['id'], where: { documentId: caseId, publishedAt: null } })) as { id: number };
    if (revised) await detachParts(strapi, draftRow.id, trx);
    const initiativeIds = await insertParts(
      UID.initiative,
      extracted.initiatives.map((initiative, order) => ({ name: initiative.name.slice(0, 200), summary: initiative.summary, order })),
      draftRow.id,
      trx,
    );
    const themed: Array<[number, number]> = [];
    for (const [index, initiative] of extracted.initiatives.entries()) {
      if (initiative.theme) themed.push([initiativeIds[index]!, await themeRowId(initiative.theme, themes)]);
    }
    await link(UID.initiative, 'theme', themed, trx);
    await insertParts(
      UID.metric,
      extracted.metrics.map((metric, order) => ({
        label: metric.label.slice(0, 200) || metric.text.slice(0, 200),
        value: metric.value,
        unit: metric.unit?.slice(0, 20) ?? null,
        qualifier: metric.qualifier,
        kind: metric.kind,
        period: metric.period?.slice(0, 80) ?? null,
        quote: metric.text,
        sourceStart: metric.start,
        sourceEnd: metric.end,
        order,
      })),
      draftRow.id,
      trx,
    );
    report.initiatives += extracted.initiatives.length;
    report.metrics += extracted.metrics.length;
    if (options.publish) await strapi.documents(UID.case).publish({ documentId: caseId });
    return caseId;
  };

  const write = async (file: string, extraction: ExtractionSummary, options: ImportOptions, report: ImportReport, trx: Knex.Transaction) => {
    const filename = file.split(/[\\/]/).pop()!;
    const same = await strapi.db.query(UID.sourceDocument).findOne({ select: ['id'], where: { sha256: extraction.sha256 } });
    if (same) {
      report.status = 'unchanged';
      return;
    }
    const targets = options.replace ? await replaceTargets(options.replace) : null;

    const { decoded } = extraction;
    const document = options.document ?? extraction.document;
    // A record per version of a document, never rewritten: each version of a case points into the text it came from.
    // The record has no relations of its own to maintain: the database layer writes it in one statement.
    const source = (await strapi.db.query(UID.sourceDocument).create({
      data: {
        filename,
        sha256: extraction.sha256,
        encoding: decoded.encoding,
        byteLength: decoded.byteLength,
        originalText: decoded.original,
        status: 'imported',
        publishedAt: new Date(),
      },
      select: ['id', 'documentId'],
    })) as { id: number; documentId: string };

    const known = await knownHospitals();
    const hospitalIds = new Map<string, string>();
    for (const hospital of document.hospitals.filter((candidate) => candidate.role === 'case_owner')) {
      hospitalIds.set(hospital.name, await ensureHospital(hospital, known, report));
    }
    const themes = new Map<string, ThemeRef>();
    report.mentions = document.hospitals.filter((hospital) => hospital.role === 'mentioned').map((hospital) => hospital.name);
    // Cases this import wrote: no other case of the document may become a version of one of them.
    const written = new Set<string>();
    for (const extracted of document.cases) {
      if (!hospitalIds.has(extracted.hospital)) {
        hospitalIds.set(extracted.hospital, await ensureHospital(describeHospital(extracted.hospital, 'case_owner'), known, report));
      }
      const hospitalId = hospitalIds.get(extracted.hospital)!;
      // The editor's choice first: a single case replaces the single case chosen, whatever its hospital; otherwise each case the chosen one of its hospital.
      const chosen = targets
        ? ((targets.length === 1 && document.cases.length === 1 ? targets[0] : targets.find((target) => target.hospital === hospitalId && !written.has(target.documentId))) ?? null)
        : null;
      const revised = chosen ?? (await revisionOf(extracted, decoded.original, hospitalId, written));
      written.add(await writeCase(extracted, hospitalId, source.documentId, revised, options, report, themes, trx));
    }
    if (targets && !targets.some((target) => written.has(target.documentId))) {
      throw new ImportError(`${options.replace} names no case of this document's hospitals (${[...hospitalIds.keys()].join('、')}): nothing was replaced`, 'replace');
    }
    report.status = report.cases.updated > 0 ? 'updated' : 'created';
    await strapi.db.query(UID.sourceDocument).update({
      where: { id: source.id },
      data: { status: report.status === 'updated' ? 'updated' : 'imported', report: { ...report, file: filename } },
      select: ['id'],
    });
  };

  const service = {
    /** Imports one document; never throws for bad input: the report says what failed and nothing is written. */
    async importDocument(file: string, bytes: Uint8Array, options: ImportOptions = {}): Promise<ImportReport> {
      const report = emptyReport(file);
      let extracted: ExtractionSummary;
      try {
        extracted = await extraction.extract(bytes);
        report.sha256 = extracted.sha256;
      } catch (error) {
        if (!(error instanceof ImportError)) throw error;
        return { ...report, error: error.message, code: error.code };
      }
      try {
        await strapi.db.transaction(async ({ trx }) => {
          await write(file, extracted, options, report, trx);
          if (options.dryRun) throw new DryRunRollback();
        });
      } catch (error) {
        if (error instanceof DryRunRollback) return report;
        if (error instanceof ImportError) return { ...emptyReport(file), sha256: report.sha256, error: error.message, code: error.code };
        return { ...emptyReport(file), sha256: report.sha256, error: `nothing was written: ${error instanceof Error ? error.message : String(error)}`, code: 'database' };
      }
      return report;
    },

    /**
     * What the admin shows before an import: the extraction, whether the document is new, a revision or already
     * imported, and for each case the case it would become the new draft of (null for a new case).
     * @throws ImportError when the document is refused or takes longer than the extraction time limit.
     */
    async preview(file: string, bytes: Uint8Array): Promise<ImportPreview> {
      const { decoded, sha256, document } = await extraction.extract(bytes);
      const filename = file.split(/[\\/]/).pop()!;
      const imported = await strapi.db.query(UID.sourceDocument).findOne({ select: ['id'], where: { sha256 } });
      const known = imported ? [] : await knownHospitals();
      const taken = new Set<string>();
      const revisions: Array<Revised | null> = [];
      for (const extracted of document.cases) {
        const revised = imported ? null : await revisionOf(extracted, decoded.original, resolveHospital(extracted.hospital, known)?.documentId ?? null, taken);
        if (revised) taken.add(revised.documentId);
        revisions.push(revised);
      }
      return {
        filename,
        sha256,
        encoding: decoded.encoding,
        format: decoded.format,
        original: decoded.original,
        status: imported ? ('unchanged' as const) : revisions.some(Boolean) ? ('revision' as const) : ('new' as const),
        document,
        revisions,
      };
    },

    /** Imported documents, newest first, for the admin's list. */
    async list() {
      const rows = (await strapi.db.query(UID.sourceDocument).findMany({
        select: ['documentId', 'filename', 'encoding', 'status', 'sha256', 'report', 'createdAt', 'updatedAt'],
        orderBy: { id: 'desc' },
        limit: 200,
      })) as Array<Record<string, unknown>>;
      return rows;
    },

    /** The seed step of `npm start`: on a database without cases, imports every document under `directory`, published. */
    async seedIfEmpty(directory: string): Promise<ImportReport[] | null> {
      if ((await strapi.db.query(UID.case).count()) > 0) return null;
      const reports: ImportReport[] = [];
      for (const file of collectPaths([directory])) reports.push(await service.importDocument(file, fs.readFileSync(file), { publish: true }));
      return reports;
    },

    /** Stops the extraction threads (the plugin's destroy), so a test or the CLI exits when done. */
    async stop() {
      await extraction.destroy();
    },
  };
  return service;
};

export default importerService;

export type ImporterService = ReturnType<typeof importerService>;

/** The `importer` service of a running Strapi. */
export const importerOf = serviceAccessor<ImporterService>('importer');
