import type { Core } from '@strapi/strapi';
import fs from 'node:fs';
import type { SourceDocumentStatus } from '../closed-sets';
import { UID } from '../constants';
import { serviceAccessor } from '../plugin-services';
import { createExtractionPool } from './pool';
import { resolveHospital, type KnownHospital } from './resolve';
import { ImportError, LOW_CONFIDENCE, type ExtractedCase, type ImportPreview, type OwnerCandidate } from './types';
import type { ExtractionSummary } from './worker';
import { emptyReport, knownHospitals, planWrite, writeDocument, type ImportOptions, type ImportReport } from './write';

/** An imported document as the import page lists it (the newest 200). */
export type SourceDocumentRow = {
  documentId: string;
  filename: string;
  encoding: string;
  status: SourceDocumentStatus;
  sha256: string;
  report: ImportReport | null;
  createdAt: Date;
  updatedAt: Date;
};

/** At most this many existing hospitals a hint matches are offered: past that, the editor types the full name. */
const MAX_DATABASE_CANDIDATES = 12;

/** A numbered short form (市二院, 县第一院): the place word and the number. */
const NUMBERED_SHORT_FORM = /^([省市县区])第?([一二三四五六七八九十]+)院$/;

/**
 * What a hint may stand for in an existing hospital's name or alias: the hint itself (附属医院, 省立医院), and for
 * a numbered short form the names it abbreviates (市二院: 市第二人民医院, 市第二医院). 我院 and 本院, and
 * anonymised names (x市x医院, 某医院), point at no hospital in particular: nothing.
 */
const hintForms = (hint: string | null): string[] => {
  if (!hint || /^[我本]院$/.test(hint) || /[xX×某]/.test(hint)) return [];
  const numbered = NUMBERED_SHORT_FORM.exec(hint);
  return numbered ? [hint, `${numbered[1]}第${numbered[2]}人民医院`, `${numbered[1]}第${numbered[2]}医院`] : [hint];
};

/**
 * The hospitals the editor may pick as the owner of a case its document names only partially: the names the
 * document gives (as the existing hospital each one resolves to, if any), then the existing hospitals whose name
 * or an alias holds the hint, those whose name ends with it and the shorter names first.
 */
const ownerCandidatesOf = (extracted: ExtractedCase, known: KnownHospital[]): OwnerCandidate[] => {
  if (extracted.hospital !== null) return [];
  const candidates: OwnerCandidate[] = [];
  const add = (candidate: OwnerCandidate) => {
    if (!candidates.some((other) => other.name === candidate.name)) candidates.push(candidate);
  };
  for (const name of extracted.owner.candidates) {
    const existing = resolveHospital(name, known);
    add({ name: existing?.name ?? name, documentId: existing?.documentId ?? null, from: 'document' });
  }
  const forms = hintForms(extracted.owner.hint);
  const endsWithHint = (hospital: KnownHospital) => (forms.some((form) => hospital.name.endsWith(form)) ? 0 : 1);
  const matching = known
    .filter((hospital) => [hospital.name, ...hospital.aliases].some((name) => forms.some((form) => name.includes(form))))
    .sort((a, b) => endsWithHint(a) - endsWithHint(b) || a.name.length - b.name.length || a.name.localeCompare(b.name, 'zh'));
  for (const hospital of matching.slice(0, MAX_DATABASE_CANDIDATES)) add({ name: hospital.name, documentId: hospital.documentId, from: 'database' });
  return candidates;
};

/**
 * The importer as the admin and the CLI see it: extraction (decode → normalise → split → extract) in worker
 * threads, so an upload that takes long to extract does not stall the server, then the write stage.
 */
const importerService = ({ strapi }: { strapi: Core.Strapi }) => {
  const extraction = createExtractionPool();

  const service = {
    /** Imports one document; never throws for bad input: the report says what failed and nothing is written. */
    async importDocument(file: string, bytes: Uint8Array, options: ImportOptions = {}): Promise<ImportReport> {
      let extracted: ExtractionSummary;
      try {
        extracted = await extraction.extract(bytes);
      } catch (error) {
        if (!(error instanceof ImportError)) throw error;
        return { ...emptyReport(file), error: error.message, code: error.code };
      }
      return writeDocument(strapi, file, extracted, options);
    },

    /**
     * What the admin shows before an import: the extraction, whether the document is new, a revision or already
     * imported, for each case the case it would become the new draft of (null for a new case), and for each case
     * whose document names its owner only partially the hospitals the editor may pick; and every existing hospital's
     * name, which the owner field offers as the editor types (a name of none creates a hospital).
     * @throws ImportError when the document is refused or takes longer than the extraction time limit.
     */
    async preview(file: string, bytes: Uint8Array): Promise<ImportPreview> {
      const extracted = await extraction.extract(bytes);
      const { decoded, sha256, document } = extracted;
      const { imported, revisions } = await planWrite(strapi, extracted);
      const known = await knownHospitals(strapi);
      return {
        filename: file.split(/[\\/]/).pop()!,
        sha256,
        encoding: decoded.encoding,
        format: decoded.format,
        original: decoded.original,
        status: imported ? ('unchanged' as const) : revisions.some(Boolean) ? ('revision' as const) : ('new' as const),
        document,
        revisions,
        ownerCandidates: document.cases.map((found) => ownerCandidatesOf(found, known)),
        hospitals: known.map((hospital) => hospital.name).sort((a, b) => a.localeCompare(b, 'zh')),
        lowConfidence: LOW_CONFIDENCE,
      };
    },

    /** Imported documents, newest first, for the admin's list. */
    async list(): Promise<SourceDocumentRow[]> {
      const rows: Array<Omit<SourceDocumentRow, 'status'> & { importStatus: SourceDocumentStatus }> = await strapi.db.query(UID.sourceDocument).findMany({
        select: ['documentId', 'filename', 'encoding', 'importStatus', 'sha256', 'report', 'createdAt', 'updatedAt'],
        orderBy: { id: 'desc' },
        limit: 200,
      });
      // The admin's list keeps calling it `status`; only the attribute had to leave Strapi's reserved name.
      return rows.map(({ importStatus, ...row }) => ({ ...row, status: importStatus }));
    },

    /** The seed step of `npm start`: on a database without cases, imports the documents `files` names, published. */
    async seedIfEmpty(files: string[]): Promise<ImportReport[] | null> {
      if ((await strapi.db.query(UID.case).count()) > 0) return null;
      const reports: ImportReport[] = [];
      for (const file of files) reports.push(await service.importDocument(file, fs.readFileSync(file), { publish: true }));
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
