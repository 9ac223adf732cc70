import * as OpenCC from 'opencc-js';

/** Traditional → mainland simplified Chinese (OpenCC), built once: the importer and search share it. */
export const toSimplified: (text: string) => string = OpenCC.Converter({ from: 't', to: 'cn' });
