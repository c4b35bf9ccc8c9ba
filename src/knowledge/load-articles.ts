import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Article } from './article.js';
import { ArticleError, parseArticle } from './parse-article.js';

/** A file that was skipped while loading, with the reason. */
export interface LoadWarning {
  file: string;
  message: string;
}

export interface LoadedArticles {
  articles: Article[];
  warnings: LoadWarning[];
}

/** The knowledge-base folder itself cannot be read. */
export class KnowledgeBaseError extends Error {
  override name = 'KnowledgeBaseError';
}

/**
 * Reads every `*.md` file of `dir` (not recursive) in name order. A file with bad front matter is
 * skipped and reported in `warnings`; only an unreadable folder throws.
 */
export async function loadArticles(dir: string): Promise<LoadedArticles> {
  let names: string[];
  try {
    names = (await readdir(dir, { withFileTypes: true }))
      .filter((entry) => entry.isFile() && entry.name.toLowerCase().endsWith('.md'))
      .map((entry) => entry.name)
      .sort();
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'does not exist' : `cannot be read (${String(error)})`;
    throw new KnowledgeBaseError(`knowledge base folder ${dir} ${reason}`);
  }

  const articles: Article[] = [];
  const warnings: LoadWarning[] = [];
  for (const name of names) {
    const file = path.join(dir, name);
    try {
      articles.push(parseArticle(name.slice(0, -'.md'.length), file, await readFile(file, 'utf8')));
    } catch (error) {
      const message = error instanceof ArticleError ? error.message : `${file}: cannot be read (${String(error)})`;
      warnings.push({ file, message });
    }
  }
  return { articles, warnings };
}
