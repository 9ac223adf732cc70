import { absoluteUrl, caseImageOf } from '../cover';

describe('absoluteUrl', () => {
  test.each([
    ['/uploads/a.png', 'https://cms.example.org', 'https://cms.example.org/uploads/a.png'],
    ['/uploads/a.png', 'https://cms.example.org/', 'https://cms.example.org/uploads/a.png'],
    ['/uploads/a.png', 'https://example.org/cms', 'https://example.org/cms/uploads/a.png'],
    ['/uploads/a.png', undefined, '/uploads/a.png'],
    ['/uploads/a.png', '', '/uploads/a.png'],
    ['https://bucket.example.com/a.png', 'https://cms.example.org', 'https://bucket.example.com/a.png'],
    ['//cdn.example.com/a.png', 'https://cms.example.org', '//cdn.example.com/a.png'],
  ])('%s on %p is %s', (url, publicUrl, expected) => {
    expect(absoluteUrl(url, publicUrl)).toBe(expected);
  });
});

describe('caseImageOf', () => {
  const file = {
    url: '/uploads/cover_1a2b.png',
    alternativeText: '党校课堂',
    width: 1200,
    height: 800,
    formats: { thumbnail: { url: '/uploads/thumbnail_cover_1a2b.png' }, small: { url: '/uploads/small_cover_1a2b.png' } },
  };

  test('the small rendition for lists, everything on the public URL', () => {
    expect(caseImageOf(file, '构建医院党校', 'https://cms.example.org')).toEqual({
      url: 'https://cms.example.org/uploads/cover_1a2b.png',
      alternativeText: '党校课堂',
      width: 1200,
      height: 800,
      smallUrl: 'https://cms.example.org/uploads/small_cover_1a2b.png',
    });
  });

  test('no small rendition (a small image): the thumbnail, else the image itself', () => {
    expect(caseImageOf({ ...file, formats: { thumbnail: { url: '/uploads/t.png' } } }, '', undefined)?.smallUrl).toBe('/uploads/t.png');
    expect(caseImageOf({ ...file, formats: null }, '', undefined)?.smallUrl).toBe('/uploads/cover_1a2b.png');
  });

  test("without the editor's text, the case's title describes it", () => {
    expect(caseImageOf({ ...file, alternativeText: ' ' }, '构建医院党校', undefined)?.alternativeText).toBe('构建医院党校');
  });

  test('a file without an address is no image, and sizes that are no numbers are null', () => {
    expect(caseImageOf({ ...file, url: null }, 'x', undefined)).toBeNull();
    expect(caseImageOf({ ...file, width: undefined, height: 'tall' }, 'x', undefined)).toMatchObject({ width: null, height: null });
  });
});
