import refuseNul from './refuse-nul';

export default {
  'refuse-nul': refuseNul,
};
