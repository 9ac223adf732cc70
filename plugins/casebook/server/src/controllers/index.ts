import importController from './import';
import overview from './overview';

export default {
  import: importController,
  overview,
};
