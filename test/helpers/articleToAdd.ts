import type { ArticleToAdd } from '../../src/intake/addArticle.js';

/** A previewed article as the preview stores keep it: `# title` as its file, a page fetched from news.example. */
export function articleToAdd(title: string): ArticleToAdd {
  return {
    prepared: {
      file: `${title}.md`,
      bytes: Buffer.from(`# ${title}\n`),
      meta: { title } as ArticleToAdd['prepared']['meta'],
      textKey: title,
      preview: {} as ArticleToAdd['prepared']['preview'],
    },
    page: {
      url: `https://news.example/${title}`,
      finalUrl: `https://news.example/${title}`,
      status: 200,
      contentType: 'text/html',
      charset: 'utf-8',
      bytes: Buffer.from('<html></html>'),
      redirects: [],
      fetchedAt: '2020-09-14T10:00:00.000Z',
    },
    replace: false,
  };
}
