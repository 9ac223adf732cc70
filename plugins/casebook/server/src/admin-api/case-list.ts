import type { Core } from '@strapi/strapi';
import { UID } from '../constants';
import type { Province } from '../closed-sets';
import { serviceAccessor } from '../plugin-services';

/** What the Content Manager's case list shows beside a case's own fields: its hospital's province and whether an editor has reviewed it. */
export type CaseListFacts = { documentId: string; province: Province | null; reviewedAt: string | null };

type Row = { documentId: string; publishedAt: Date | string | null; reviewedAt: Date | string | null; hospital: { province: Province | null } | null };

const isoOf = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

/**
 * The facts of the list's rows, one query per page: the province is a field of the case's hospital, which the
 * list's relation column cannot show, and reviewedAt is private (kept from the public API).
 */
const caseListService = ({ strapi }: { strapi: Core.Strapi }) => ({
  async facts(documentIds: string[]): Promise<CaseListFacts[]> {
    const rows: Row[] = documentIds.length
      ? await strapi.db.query(UID.case).findMany({
          select: ['documentId', 'publishedAt', 'reviewedAt'],
          where: { documentId: { $in: documentIds } },
          populate: { hospital: { select: ['province'] } },
        })
      : [];
    return documentIds.map((documentId) => {
      const versions = rows.filter((row) => row.documentId === documentId);
      // The draft is what the list shows and edits; a published version only where no draft row is left.
      const shown = versions.find((row) => row.publishedAt === null) ?? versions[0];
      const reviewed = versions.map((row) => isoOf(row.reviewedAt)).filter((at): at is string => at !== null).sort().pop() ?? null;
      return { documentId, province: shown?.hospital?.province ?? null, reviewedAt: reviewed };
    });
  },
});

export type CaseListService = ReturnType<typeof caseListService>;
export const caseListOf = serviceAccessor<CaseListService>('case-list');
export default caseListService;
