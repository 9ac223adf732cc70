import type { Core } from '@strapi/strapi';
import fs from 'node:fs';
import type { SourceDocumentStatus } from '../closed-sets';
import { UID } from '../constants';
import { serviceAccessor } from '../plugin-services';
import { createExtractionPool } from './pool';
import { ImportError, type ImportPreview } from './types';
import type { ExtractionSummary } from './worker';
import { emptyReport, planWrite, writeDocument, type ImportOptions, type ImportReport } from './write';

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
     * imported, and for each case the case it would become the new draft of (null for a new case).
     * @throws ImportError when the document is refused or takes longer than the extraction time limit.
     */
    async preview(file: string, bytes: Uint8Array): Promise<ImportPreview> {
      const extracted = await extraction.extract(bytes);
      const { decoded, sha256, document } = extracted;
      const { imported, revisions } = await planWrite(strapi, extracted);
      return {
        filename: file.split(/[\\/]/).pop()!,
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
    async list(): Promise<SourceDocumentRow[]> {
      return strapi.db.query(UID.sourceDocument).findMany({
        select: ['documentId', 'filename', 'encoding', 'status', 'sha256', 'report', 'createdAt', 'updatedAt'],
        orderBy: { id: 'desc' },
        limit: 200,
      });
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
