import matter from 'gray-matter';
import { z } from 'zod';
import { formatPath } from '../text/issues.js';
import type { Article } from './article.js';

const tagListSchema = z
  .union([z.array(z.string().trim().min(1, 'must not contain empty tags')), z.string()])
  .transform((tags) => (typeof tags === 'string' ? tags.split(',').map((tag) => tag.trim()).filter(Boolean) : tags));

const frontMatterSchema = z.looseObject({
  title: z.string({ error: 'is required and must be text' }).trim().min(1, 'must not be empty'),
  tags: tagListSchema.default([]),
  url: z.url({ error: 'must be an absolute URL' }).optional(),
});

/** A Markdown file that cannot become an article; the message names the file and what is wrong. */
export class ArticleError extends Error {
  override name = 'ArticleError';
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
  }
}

/**
 * Parses one Markdown article with YAML front matter (`title` required, `tags` list, `url`).
 * `id` is the article id; `file` only names the source in errors.
 */
export function parseArticle(id: string, file: string, source: string): Article {
  let parsed: matter.GrayMatterFile<string>;
  try {
    // Any options object turns off gray-matter's content cache, which keeps half-parsed results after a YAML error.
    parsed = matter(source, {});
  } catch (error) {
    const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new ArticleError(file, `front matter is not valid YAML (${detail})`);
  }
  const frontMatter = frontMatterSchema.safeParse(parsed.data);
  if (!frontMatter.success) {
    const problems = frontMatter.error.issues.map((issue) => {
      const field = issue.path.length > 0 ? `"${formatPath(issue.path)}"` : 'front matter';
      return `front matter ${field} ${issue.message}`;
    });
    throw new ArticleError(file, problems.join('; '));
  }
  const { title, tags, url } = frontMatter.data;
  return { id, title, tags, body: parsed.content.trim(), ...(url === undefined ? {} : { url }) };
}
