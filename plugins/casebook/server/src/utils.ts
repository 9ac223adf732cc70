/** Whether any string of a parsed query, body or filter, key or value at any depth, passes `test` (walked without recursion). */
export const someText = (value: unknown, test: (text: string) => boolean): boolean => {
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const item = pending.pop();
    if (typeof item === 'string') {
      if (test(item)) return true;
    } else if (Array.isArray(item)) {
      for (const element of item) pending.push(element);
    } else if (typeof item === 'object' && item !== null && !(item instanceof Date)) {
      for (const [key, nested] of Object.entries(item)) {
        if (test(key)) return true;
        pending.push(nested);
      }
    }
  }
  return false;
};
