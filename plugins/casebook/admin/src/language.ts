import { useIntl } from 'react-intl';
import type { Language } from '../../server/src/closed-sets';

/** The language of the closed sets' labels for the admin's locale: Chinese in a Chinese admin, English otherwise. */
export const useLabelLanguage = (): Language => (useIntl().locale.toLowerCase().startsWith('zh') ? 'zh' : 'en');
