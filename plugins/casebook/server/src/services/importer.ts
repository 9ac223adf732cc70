import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { UID } from '../constants';
import { joinTableOf } from '../database/metadata';
import { HOSPITAL_CATEGORIES, HOSPITAL_LEVELS, keyOfLabel } from '../labels';
import fs from 'node:fs';
import { collectPaths } from '../importer/files';
import { createExtractionPool } from '../importer/pool';
import type { ExtractionSummary } from '../importer/worker';
import { describeHospital } from '../importer/hospitals';
import { provinceKey } from '../importer/regions';
import { resolveHospital, type KnownHospital } from '../importer/resolve';
import { ImportError, type ExtractedCase, type ExtractedDocument, type ExtractedHospital } from '../importer/types';

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
  /** Why the document was refused, when it was (an ImportError's code). */
  code?: ImportError['code'];
};

export type ImportOptions = {
  publish?: boolean;
  dryRun?: boolean;
  /** The extraction as an editor corrected it in the admin (items dropped, names fixed); the file's own otherwise. */
  document?: ExtractedDocument;
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
 * The write stage: one transaction per document. A document whose normalised text was imported before
 * is "unchanged" and writes nothing; a new version of a file imported before (same file name) updates
 * the drafts it created; anything else creates drafts (or published cases with `publish`).
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
        category: hospital.category ? keyOfLabel(HOSPITAL_CATEGORIES, hospital.category) : undefined,
        level: hospital.level ? keyOfLabel(HOSPITAL_LEVELS, hospital.level) : undefined,
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
  const themeIds = async (names: string[], cache: Map<string, ThemeRef>) => Promise.all(names.map(async (name) => (await theme(name, cache)).documentId));
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

  const writeCase = async (
    extracted: ExtractedCase,
    hospitalId: string,
    sourceDocumentId: string,
    existingCaseId: string | null,
    options: ImportOptions,
    report: ImportReport,
    themes: Map<string, ThemeRef>,
    trx: Knex.Transaction,
  ) => {
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
    if (existingCaseId) {
      await strapi.db.query(UID.metric).deleteMany({ where: { case: { documentId: existingCaseId } } });
      await strapi.db.query(UID.initiative).deleteMany({ where: { case: { documentId: existingCaseId } } });
      await strapi.documents(UID.case).update({ documentId: existingCaseId, data: data as never });
      caseId = existingCaseId;
      report.cases.updated += 1;
    } else {
      caseId = (await strapi.documents(UID.case).create({ data: data as never })).documentId;
      report.cases.created += 1;
    }
    const draftRow = (await strapi.db.query(UID.case).findOne({ select: ['id'], where: { documentId: caseId, publishedAt: null } })) as { id: number };
    const initiativeIds = await insertParts(
      UID.initiative,
      extracted.initiatives.map((initiative, order) => ({ name: initiative.name.slice(0, 200), summary: initiative.summary, order })),
      draftRow.id,
      trx,
    );
    const themed = await Promise.all(
      extracted.initiatives.map(async (initiative, index) =>
        initiative.theme ? { initiative: initiativeIds[index], theme: await themeRowId(initiative.theme, themes) } : null,
      ),
    );
    await link(UID.initiative, 'theme', themed.filter((pair): pair is { initiative: number; theme: number } => pair !== null).map((pair) => [pair.initiative, pair.theme]), trx);
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
  };

  const write = async (file: string, extraction: ExtractionSummary, options: ImportOptions, report: ImportReport, trx: Knex.Transaction) => {
    const filename = file.split(/[\\/]/).pop()!;
    const same = await strapi.db.query(UID.sourceDocument).findOne({ select: ['id'], where: { sha256: extraction.sha256 } });
    if (same) {
      report.status = 'unchanged';
      return;
    }
    const previous = (await strapi.db.query(UID.sourceDocument).findOne({ where: { filename }, orderBy: { id: 'desc' } })) as { documentId: string } | null;
    const previousCases = previous
      ? ((await strapi.db.query(UID.case).findMany({
          select: ['documentId'],
          where: { sourceDocument: { documentId: previous.documentId }, publishedAt: null },
          populate: { hospital: { select: ['name'] } },
        })) as Array<{ documentId: string; hospital: { name: string } | null }>)
      : [];

    const { decoded } = extraction;
    const document = options.document ?? extraction.document;
    const sourceData = {
      filename,
      sha256: extraction.sha256,
      encoding: decoded.encoding,
      byteLength: decoded.byteLength,
      originalText: decoded.original,
      status: previous ? 'updated' : 'imported',
    };
    // The record has no relations of its own to maintain: the database layer writes it in one statement.
    const source = (
      previous
        ? await strapi.db.query(UID.sourceDocument).update({ where: { documentId: previous.documentId }, data: sourceData, select: ['id', 'documentId'] })
        : await strapi.db.query(UID.sourceDocument).create({ data: { ...sourceData, publishedAt: new Date() }, select: ['id', 'documentId'] })
    ) as { id: number; documentId: string };

    const known = await knownHospitals();
    const hospitalIds = new Map<string, string>();
    for (const hospital of document.hospitals.filter((candidate) => candidate.role === 'case_owner')) {
      hospitalIds.set(hospital.name, await ensureHospital(hospital, known, report));
    }
    const themes = new Map<string, ThemeRef>();
    report.mentions = document.hospitals.filter((hospital) => hospital.role === 'mentioned').map((hospital) => hospital.name);
    for (const extracted of document.cases) {
      if (!hospitalIds.has(extracted.hospital)) {
        hospitalIds.set(extracted.hospital, await ensureHospital(describeHospital(extracted.hospital, 'case_owner'), known, report));
      }
      const hospitalId = hospitalIds.get(extracted.hospital)!;
      const revised = previousCases.find((candidate) => candidate.hospital && resolveHospital(candidate.hospital.name, known)?.documentId === hospitalId);
      if (revised) previousCases.splice(previousCases.indexOf(revised), 1);
      await writeCase(extracted, hospitalId, source.documentId, revised?.documentId ?? null, options, report, themes, trx);
    }
    report.status = previous ? 'updated' : 'created';
    await strapi.db.query(UID.sourceDocument).update({ where: { id: source.id }, data: { report: { ...report, file: filename } }, select: ['id'] });
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
        return { ...emptyReport(file), sha256: report.sha256, error: `nothing was written: ${error instanceof Error ? error.message : String(error)}`, code: 'database' };
      }
      return report;
    },

    /**
     * What the admin shows before an import: the extraction, and whether the document is new, a revision or already imported.
     * @throws ImportError when the document is refused or takes longer than the extraction time limit.
     */
    async preview(file: string, bytes: Uint8Array) {
      const { decoded, sha256, document } = await extraction.extract(bytes);
      const filename = file.split(/[\\/]/).pop()!;
      const imported = await strapi.db.query(UID.sourceDocument).findOne({ select: ['id'], where: { sha256 } });
      const previous = imported ? null : await strapi.db.query(UID.sourceDocument).findOne({ select: ['id'], where: { filename } });
      return {
        filename,
        sha256,
        encoding: decoded.encoding,
        format: decoded.format,
        original: decoded.original,
        status: imported ? ('unchanged' as const) : previous ? ('revision' as const) : ('new' as const),
        document,
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
