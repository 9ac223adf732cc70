import sourceDocument from './source-document';

export default {
  'source-document': sourceDocument,
};
