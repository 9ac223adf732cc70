/** An existing hospital as the resolver sees it. */
export type KnownHospital = { documentId: string; name: string; aliases: string[] };

const strip = (name: string) => name.replace(/[\s·()（）]/g, '');

/**
 * The existing hospital a name refers to, or null: the same name, a recorded alias, or an unambiguous
 * short form (市立医院集团 → 青岛市市立医院集团, 沙县总医院 → 福建省三明市沙县总医院). Names reach the
 * resolver simplified already, so traditional spellings match too.
 */
export const resolveHospital = (name: string, known: KnownHospital[]): KnownHospital | null => {
  const wanted = strip(name);
  const exact = known.find((hospital) => strip(hospital.name) === wanted || hospital.aliases.some((alias) => strip(alias) === wanted));
  if (exact) return exact;
  if (wanted.length < 4) return null;
  const longer = known.filter((hospital) => strip(hospital.name).endsWith(wanted));
  if (longer.length === 1) return longer[0];
  const shorter = known.filter((hospital) => strip(hospital.name).length >= 5 && wanted.endsWith(strip(hospital.name)));
  return shorter.length === 1 ? shorter[0] : null;
};
