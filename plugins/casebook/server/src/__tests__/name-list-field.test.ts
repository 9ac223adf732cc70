import fs from 'node:fs';
import path from 'node:path';
import { NAME_LIST_FIELD as ADMIN_NAME_LIST_FIELD, PLUGIN_ID as ADMIN_PLUGIN_ID } from '../../../admin/src/pluginId';
import { NAME_LIST_FIELD, PLUGIN_ID } from '../constants';

describe('the name-list custom field', () => {
  test('has one name on the server and in the admin', () => {
    expect([ADMIN_PLUGIN_ID, ADMIN_NAME_LIST_FIELD]).toEqual([PLUGIN_ID, NAME_LIST_FIELD]);
  });

  test("is Hospital.aliases' input: the editors' list of names, not a JSON code editor", () => {
    const schema = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../../../cms/src/api/hospital/content-types/hospital/schema.json'), 'utf8'));
    expect(schema.attributes.aliases).toEqual({ type: 'customField', customField: `plugin::${PLUGIN_ID}.${NAME_LIST_FIELD}` });
  });
});
