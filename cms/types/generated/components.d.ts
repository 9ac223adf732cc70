import type { Schema, Struct } from '@strapi/strapi';

export interface CasebookPerson extends Struct.ComponentSchema {
  collectionName: 'components_casebook_people';
  info: {
    description: 'Someone named in a case: author, speaker, Party secretary \u2026';
    displayName: '\u4EBA\u7269 Person';
    icon: 'user';
  };
  attributes: {
    name: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 40;
      }>;
    role: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 80;
      }>;
    unit: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 120;
      }>;
  };
}

export interface CasebookSource extends Struct.ComponentSchema {
  collectionName: 'components_casebook_sources';
  info: {
    description: 'Where the case was published: publication, column, issue, date, URL';
    displayName: '\u6765\u6E90 Source';
    icon: 'book';
  };
  attributes: {
    column: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 120;
      }>;
    date: Schema.Attribute.Date;
    issue: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 80;
      }>;
    publication: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 80;
      }>;
    readCount: Schema.Attribute.Integer &
      Schema.Attribute.SetMinMax<
        {
          min: 0;
        },
        number
      >;
    url: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 500;
      }>;
  };
}

declare module '@strapi/strapi' {
  export namespace Public {
    export interface ComponentSchemas {
      'casebook.person': CasebookPerson;
      'casebook.source': CasebookSource;
    }
  }
}
