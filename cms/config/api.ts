export default {
  rest: {
    defaultLimit: 25,
    maxLimit: 100,
    withCount: true,
    // Unknown query parameters are a 400, not silently ignored (Strapi's strictParams).
    strictParams: true,
  },
};
