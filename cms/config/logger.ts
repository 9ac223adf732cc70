import type { Core } from '@strapi/strapi';
import { formats, winston } from '@strapi/logger';

const { levelFilter, prettyPrint } = formats;

export default ({ env }: Core.Config.Shared.ConfigParams) => {
  const level = env('LOG_LEVEL', 'http');
  return {
    transports: [
      new winston.transports.Console({
        level,
        format: winston.format.combine(levelFilter(level), prettyPrint({ timestamps: 'YYYY-MM-DD HH:mm:ss.SSS' })),
      }),
    ],
  };
};
