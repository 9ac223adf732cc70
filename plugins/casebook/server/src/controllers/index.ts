import engagement from './engagement';
import health from './health';
import importController from './import';
import overview from './overview';
import voting from './voting';

export default {
  engagement,
  health,
  import: importController,
  overview,
  voting,
};
