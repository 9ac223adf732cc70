// The schema contract, shared by the print script and the schema test: what the running CMS serves,
// read by introspection and printed in a stable (sorted) form.
const { buildClientSchema, getIntrospectionQuery, lexicographicSortSchema, printSchema } = require('graphql');

/** The GraphQLSchema the CMS at `endpoint` serves (introspection must be on: it is, outside production). */
const fetchLiveSchema = async (endpoint) => {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: getIntrospectionQuery() }),
  });
  const body = await response.json();
  if (!response.ok || body.errors) throw new Error(`Introspection of ${endpoint} failed: ${JSON.stringify(body.errors ?? response.status)}`);
  return buildClientSchema(body.data);
};

/** The snapshot text of a schema: sorted, so that only real changes show in a diff. */
const printSnapshot = (schema) => `${printSchema(lexicographicSortSchema(schema))}\n`;

module.exports = { fetchLiveSchema, printSnapshot };
