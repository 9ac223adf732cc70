import engagement from './engagement';
import importController from './import';
import overview from './overview';
import voting from './voting';

export default {
  engagement,
  import: importController,
  overview,
  voting,
};
