import { marked, type Token } from 'marked';
import removeMd from 'remove-markdown';
import type { Article, ArticleChunk } from './article.js';

export interface ChunkOptions {
  /** An article whose text fits in this many characters stays one chunk; longer sections are split. */
  maxChars: number;
  /** An introduction shorter than this is joined to the first section rather than standing alone. */
  minChars: number;
}

export const defaultChunkOptions: ChunkOptions = { maxChars: 1200, minChars: 200 };

interface Section {
  heading: string;
  blocks: string[];
}

/** Splits an article at its level 1-3 headings into plain-text chunks, in reading order. */
export function chunkArticle(article: Article, options: ChunkOptions = defaultChunkOptions): ArticleChunk[] {
  const sections = splitSections(marked.lexer(article.body));
  const whole = sections.flatMap((section) => [section.heading, ...section.blocks]).filter(Boolean).join('\n');
  const pieces =
    whole.length <= options.maxChars
      ? [{ heading: '', text: whole }]
      : joinShortIntroduction(sections, options.minChars).flatMap((section) => splitLongSection(section, options.maxChars));
  return pieces.map((piece, index) => ({ id: `${article.id}#${index}`, articleId: article.id, ...piece }));
}

function splitSections(tokens: Token[]): Section[] {
  const sections: Section[] = [{ heading: '', blocks: [] }];
  for (const token of tokens) {
    if (token.type === 'heading' && token.depth <= 3) {
      sections.push({ heading: plainText(token.text), blocks: [] });
      continue;
    }
    const text = blockText(token);
    if (text) sections.at(-1)?.blocks.push(text);
  }
  return sections.filter((section) => section.heading || section.blocks.length > 0);
}

function blockText(token: Token): string {
  switch (token.type) {
    case 'space':
    case 'hr':
      return '';
    case 'code':
      return token.text.trim();
    case 'table':
      // One line per row, cells joined, so a snippet can show a whole row of an error-code table.
      return [token.header, ...token.rows]
        .map((cells: { text: string }[]) => cells.map((cell) => plainText(cell.text)).join(' - '))
        .join('\n');
    default:
      return plainText(token.raw);
  }
}

function plainText(markdown: string): string {
  return removeMd(markdown, { gfm: true, useImgAltText: true })
    .replace(/[ \t]+/g, ' ')
    .replace(/\n{2,}/g, '\n')
    .trim();
}

function joinShortIntroduction(sections: Section[], minChars: number): Section[] {
  const [first, second, ...rest] = sections;
  if (!first || !second || first.heading || first.blocks.join('\n').length >= minChars) return sections;
  return [{ heading: second.heading, blocks: [...first.blocks, ...second.blocks] }, ...rest];
}

function splitLongSection(section: Section, maxChars: number): { heading: string; text: string }[] {
  const pieces: string[][] = [];
  let current: string[] = [];
  let length = 0;
  for (const block of section.blocks.flatMap((block) => splitLongBlock(block, maxChars))) {
    if (current.length > 0 && length + block.length > maxChars) {
      pieces.push(current);
      current = [];
      length = 0;
    }
    current.push(block);
    length += block.length;
  }
  pieces.push(current);
  return pieces.map((blocks) => ({ heading: section.heading, text: blocks.join('\n') }));
}

/** A block longer than maxChars (a huge table or paragraph) is cut at line ends, else at spaces. */
function splitLongBlock(block: string, maxChars: number): string[] {
  if (block.length <= maxChars) return [block];
  const parts: string[] = [];
  let rest = block;
  while (rest.length > maxChars) {
    const window = rest.slice(0, maxChars);
    const cut = Math.max(window.lastIndexOf('\n'), window.lastIndexOf(' '));
    const end = cut > maxChars / 2 ? cut : maxChars;
    parts.push(rest.slice(0, end).trim());
    rest = rest.slice(end).trim();
  }
  if (rest) parts.push(rest);
  return parts;
}
