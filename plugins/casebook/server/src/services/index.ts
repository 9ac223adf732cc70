import adminUser from './admin-user';
import contentManagerLayout from './content-manager-layout';
import importer from './importer';
import overview from './overview';
import publicAccess from './public-access';
import searchIndex from './search-index';
import showcase from './showcase';
import slug from './slug';

export default {
  'admin-user': adminUser,
  'content-manager-layout': contentManagerLayout,
  importer,
  overview,
  'public-access': publicAccess,
  'search-index': searchIndex,
  showcase,
  slug,
};
