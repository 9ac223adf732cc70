/**
 * The review of imported cases against their source: the queue, each case's source with its extracted items,
 * rejections, review marks and publishing; and the ledger the importer keeps per case (what it was unsure of,
 * what editors rejected, what it wrote), which a re-import reads.
 */
export { default as reviewController } from './controller';
export { default as reviewService, reviewOf, type CaseSource, type QueueEntry, type ReviewService, type Reviewed } from './service';
export { itemKey, locate, normaliseItemText, sourceItems, type CaseContent, type SourceItem, type Span } from './items';
export { editedFields, nextWritten, withoutRejected, writtenContent, type CaseLedger, type ContentField, type Ledger, type Rejection, type UnsureItem, type WrittenContent } from './ledger';
export { currentContent, previousImport } from './store';
