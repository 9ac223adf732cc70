import type { Core } from '@strapi/strapi';
import { formats, winston } from '@strapi/logger';

const { prettyPrint } = formats;

/**
 * One console transport at LOG_LEVEL: winston writes that level and every level above it (at the default
 * `http`, errors, warnings, information and requests). Strapi's `levelFilter` format kept only the one level,
 * which hid every warning and error at the default.
 */
export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  transports: [
    new winston.transports.Console({
      level: env('LOG_LEVEL', 'http'),
      format: prettyPrint({ timestamps: 'YYYY-MM-DD HH:mm:ss.SSS' }),
    }),
  ],
});
