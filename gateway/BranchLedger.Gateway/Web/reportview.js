// A report's Markdown (MarkdownRenderer's output) shown as a page: headings, paragraphs and tables built
// as elements whose text is set as text, never parsed as HTML. The renderer writes a small, fixed subset
// (# headings, paragraphs separated by blank lines, pipe tables) and escapes every text with entities and
// backslashes; this undoes exactly that escaping.
import { el } from './format.js';

const ENTITIES = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#123;': '{', '&#125;': '}' };

export const unescapeMarkdown = (text) => text
  .replace(/&(amp|lt|gt|quot|#123|#125);/g, (entity) => ENTITIES[entity])
  .replace(/\\(.)/g, '$1');

// Cells split at pipes the renderer did not escape.
const cells = (line) => line.slice(1, -1).split(/(?<!\\)\|/).map((cell) => unescapeMarkdown(cell.trim()));

/** The report as elements: # → h4, ## → h5, deeper → h6; tables in a scrolling wrapper. */
export function reportView(markdown) {
  const blocks = markdown.replace(/\r\n/g, '\n').split(/\n{2,}/);
  return blocks.filter((b) => b.trim()).map((block) => {
    const heading = /^(#{1,6}) (.*)$/.exec(block);
    if (heading && !block.includes('\n')) return el(`h${Math.min(6, heading[1].length + 3)}`, {}, unescapeMarkdown(heading[2]));
    const lines = block.split('\n');
    if (lines.length >= 2 && lines.every((l) => l.startsWith('|') && l.endsWith('|'))) {
      const [head, , ...rows] = lines;
      return el('div', { class: 'table-wrap' }, el('table', {},
        el('thead', {}, el('tr', {}, cells(head).map((c) => el('th', { scope: 'col' }, c)))),
        el('tbody', {}, rows.map((row) => el('tr', {}, cells(row).map((c) => el('td', {}, c)))))));
    }
    return el('p', {}, lines.map(unescapeMarkdown).join('\n'));
  });
}
