// The case the editor reviewed and published is what the public GraphQL API now serves, with its parts.
import assert from 'node:assert/strict';

export default async ({ base, editor, state }) => {
  const { documentId } = state.reviewedCase ?? state.importedCase;
  const draft = await editor.json('GET', `/content-manager/collection-types/api::case.case/${documentId}?status=published`);
  assert.ok(draft.data?.publishedAt, `the case ${documentId} was published by an earlier step`);

  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'query($id: ID!) { case(documentId: $id) { documentId title hospital { name } metrics { label value unit } initiatives { name } } }',
      variables: { id: documentId },
    }),
  });
  assert.equal(response.status, 200);
  const body = await response.json();
  assert.equal(body.errors, undefined, JSON.stringify(body.errors));
  assert.equal(body.data.case.title, draft.data.title);
  assert.ok(body.data.case.hospital?.name, 'the public case names its hospital');
  assert.ok(body.data.case.metrics.length > 0, 'its metrics are public with it');
};
