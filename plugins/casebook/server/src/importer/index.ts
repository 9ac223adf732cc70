/** Documents in, reviewable drafts out: the extraction stages (run in a worker pool) and the importer service. */
export { default as importerService, importerOf, type SourceDocumentRow, type ImporterService } from './service';
export type { ImportOptions, ImportReport, ImportStatus } from './write';
export { extractDocument } from './pipeline';
export { createExtractionPool, type ExtractionPool } from './pool';
export { ImportError, type ExtractedCase, type ExtractedDocument, type ImportPreview } from './types';
