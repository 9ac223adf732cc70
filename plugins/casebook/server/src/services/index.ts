import adminUser from './admin-user';
import contentManagerLayout from './content-manager-layout';
import engagement from './engagement';
import health from './health';
import importer from './importer';
import overview from './overview';
import publicAccess from './public-access';
import searchIndex from './search-index';
import showcase from './showcase';
import slug from './slug';
import startup from './startup';
import voting from './voting';

export default {
  'admin-user': adminUser,
  'content-manager-layout': contentManagerLayout,
  engagement,
  health,
  importer,
  overview,
  'public-access': publicAccess,
  'search-index': searchIndex,
  showcase,
  slug,
  startup,
  voting,
};
