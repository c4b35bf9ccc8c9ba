/** A knowledge-base article as loaded from a Markdown file with front matter. */
export interface Article {
  /** The file name without `.md`; stable, used as the solution id. */
  id: string;
  title: string;
  url?: string;
  tags: string[];
  /** The Markdown body, front matter removed. */
  body: string;
}

/** A retrievable piece of an article: its introduction or one heading's section, as plain text. */
export interface ArticleChunk {
  /** `<articleId>#<n>`, n counting from 0 in reading order. */
  id: string;
  articleId: string;
  /** The section heading, empty for the text before the first heading. */
  heading: string;
  text: string;
}
