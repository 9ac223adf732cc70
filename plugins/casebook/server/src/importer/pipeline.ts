import { createHash } from 'node:crypto';
import { campaignOf } from './campaign';
import { extractCase } from './cases';
import { decode } from './decode';
import { hospitalsOf } from './hospitals';
import { extractMetrics } from './metrics';
import { normalise } from './normalise';
import { ownedDrafts } from './owner';
import { bylinePeople } from './people';
import { sourceOf } from './source';
import { splitCases } from './split';
import { ImportError, type Decoded, type ExtractedDocument, type Normalised } from './types';

export type Extraction = {
  decoded: Decoded;
  normalised: Normalised;
  /** sha256 of the normalised text: the identity of a document's content for idempotent imports. */
  sha256: string;
  document: ExtractedDocument;
};

/** decode → normalise → split → extract, for one document; no database involved. */
export const extractDocument = (bytes: Uint8Array): Extraction => {
  const decoded = decode(bytes);
  const normalised = normalise(decoded.text);
  if (normalised.text === '') {
    throw new ImportError('nothing is left of the document once its page chrome (menus, counters, buttons, footers) is taken out', 'empty');
  }
  const sha256 = createHash('sha256').update(normalised.text).digest('hex');
  const split = splitCases(normalised);
  const drafts = ownedDrafts(split, normalised.removed);
  if (drafts.length === 0) {
    throw new ImportError('the document has no text a case could be made of: no headline, no paragraph, only page chrome', 'no-case');
  }
  const context = { source: sourceOf(normalised.removed, normalised.text), byline: bylinePeople(normalised.removed), campaignMetrics: [] };
  const cases = drafts.map((draft) => extractCase(draft, normalised, context));
  return {
    decoded,
    normalised,
    sha256,
    document: {
      hospitals: hospitalsOf(cases, normalised),
      cases,
      campaign: campaignOf(normalised.removed, context.source),
      metrics: [...split.unassigned.flatMap((paragraph) => extractMetrics(normalised, paragraph.start, paragraph.end)), ...context.campaignMetrics].sort((a, b) => a.start - b.start),
    },
  };
};
