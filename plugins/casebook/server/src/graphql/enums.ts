import type { ClosedSet } from '../closed-sets';

/** A GraphQL string literal: JSON's escapes are GraphQL's. */
const quoted = (text: string) => JSON.stringify(text);

/** The SDL of a GraphQL enum listing a closed set's keys, with the descriptions the set gives them. */
export const enumTypeDef = (name: string, set: ClosedSet<string>, description?: string): string => {
  const values = set.keys.map((key) => {
    const note = set.entries[key].description;
    return note ? `    ${quoted(note)}\n    ${key}` : `    ${key}`;
  });
  return `${description ? `${quoted(description)}\n  ` : ''}enum ${name} {\n${values.join('\n')}\n  }`;
};
