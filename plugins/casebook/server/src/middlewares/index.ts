import restInput from './rest-input';

export default {
  'rest-input': restInput,
};
