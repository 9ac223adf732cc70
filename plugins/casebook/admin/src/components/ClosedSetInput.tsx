import { InputRenderer } from '@strapi/strapi/admin';
import { closedSetOfEnumeration } from '../../../server/src/closed-sets';
import { useLabelLanguage } from '../language';

type EnumerationProps = { name: string; label: string; attribute: { enum?: string[] }; [prop: string]: unknown };

/**
 * The Content Manager's input for every enumeration attribute (registered with `app.addFields`): Strapi's own
 * select, the same stored values, each option shown by its closed set's label (四川, 三甲, 投票中) instead of its
 * key. An enumeration that is no Casebook closed set shows its values as Strapi does.
 */
export const ClosedSetInput = (props: EnumerationProps) => {
  const language = useLabelLanguage();
  const values = props.attribute.enum ?? [];
  const set = closedSetOfEnumeration(values);
  const options = values.map((value) => ({ value, label: set?.label(value, language) ?? value }));
  // Strapi's renderer is typed per input type; the Content Manager's props are those it passes to the same renderer.
  const Renderer = InputRenderer as unknown as (input: Record<string, unknown>) => JSX.Element;
  return <Renderer {...props} type="enumeration" options={options} />;
};
