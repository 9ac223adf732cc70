import { Button, Field, Flex, IconButton, TextInput } from '@strapi/design-system';
import { Plus, Trash } from '@strapi/icons';
import { useIntl } from 'react-intl';
import { PLUGIN_ID } from '../pluginId';

type NameListProps = {
  name: string;
  label: string;
  hint?: string;
  required?: boolean;
  disabled?: boolean;
  error?: string;
  value?: unknown;
  onChange: (name: string, value: string[]) => void;
};

/** The stored value as a list of names: a JSON array of strings, anything else (null, a legacy value) as none. */
const namesOf = (value: unknown): string[] => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []);

/**
 * The Content Manager's input of the `plugin::casebook.name-list` custom field (Hospital.aliases): one text box
 * per name, with buttons to add and remove names. It writes the same JSON array of strings the JSON editor did.
 */
export const NameListInput = ({ name, label, hint, required, disabled, error, value, onChange }: NameListProps) => {
  const { formatMessage } = useIntl();
  const t = (id: string, defaultMessage: string, values?: Record<string, string | number>) => formatMessage({ id: `${PLUGIN_ID}.${id}`, defaultMessage }, values);
  const names = namesOf(value);
  const change = (next: string[]) => onChange(name, next);
  return (
    <Field.Root name={name} hint={hint} error={error} required={required}>
      <Field.Label>{label}</Field.Label>
      <Flex direction="column" alignItems="stretch" gap={2} data-casebook-name-list={name}>
        {names.map((item, index) => (
          <Flex key={index} gap={2}>
            <TextInput
              aria-label={t('nameList.item', '{label} 第 {number} 项', { label, number: index + 1 })}
              value={item}
              disabled={disabled}
              onChange={(event: React.ChangeEvent<HTMLInputElement>) => change(names.map((old, at) => (at === index ? event.target.value : old)))}
            />
            <IconButton label={t('nameList.remove', '移除')} disabled={disabled} onClick={() => change(names.filter((_, at) => at !== index))}>
              <Trash />
            </IconButton>
          </Flex>
        ))}
        <Flex>
          <Button variant="secondary" startIcon={<Plus />} disabled={disabled} onClick={() => change([...names, ''])}>
            {t('nameList.add', '添加')}
          </Button>
        </Flex>
      </Flex>
      <Field.Hint />
      <Field.Error />
    </Field.Root>
  );
};
