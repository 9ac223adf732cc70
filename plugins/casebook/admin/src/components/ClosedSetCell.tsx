import { Typography } from '@strapi/design-system';
import { closedSetOfEnumeration } from '../../../server/src/closed-sets';
import { useLabelLanguage } from '../language';

/** A Content Manager list cell showing an enumeration's value by its closed set's label. */
export const ClosedSetCell = ({ values, value }: { values: readonly string[]; value: unknown }) => {
  const language = useLabelLanguage();
  if (typeof value !== 'string' || value === '') return <Typography textColor="neutral800">-</Typography>;
  return <Typography textColor="neutral800">{closedSetOfEnumeration(values)?.label(value, language) ?? value}</Typography>;
};

/** A calendar year as written (2026), not as a number with a thousands separator (2,026). */
export const YearCell = ({ value }: { value: unknown }) => (
  <Typography textColor="neutral800">{typeof value === 'number' ? String(value) : '-'}</Typography>
);
