import type { ReactElement } from 'react';

/** One block of plain text: a paragraph, a heading ("## "), or a list of bullets ("- "). */
export type TextBlock = { kind: 'paragraph'; text: string } | { kind: 'heading'; text: string } | { kind: 'bullets'; items: string[] };

/**
 * Splits stored plain text into blocks: blank lines separate paragraphs, a line starting "## " is a
 * heading, and lines starting "- " are bullets. Nothing is ever read as HTML: each block's text is
 * rendered by React, which escapes it.
 */
export function textBlocks(text: string): TextBlock[] {
  const blocks: TextBlock[] = [];
  let paragraph: string[] = [];
  let bullets: string[] = [];
  const flush = () => {
    if (paragraph.length) blocks.push({ kind: 'paragraph', text: paragraph.join('\n') });
    if (bullets.length) blocks.push({ kind: 'bullets', items: bullets });
    paragraph = [];
    bullets = [];
  };
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trimEnd();
    if (line.trim() === '') flush();
    else if (/^##\s+/.test(line)) {
      flush();
      blocks.push({ kind: 'heading', text: line.replace(/^##\s+/, '') });
    } else if (/^[-*]\s+/.test(line)) {
      if (paragraph.length) flush();
      bullets.push(line.replace(/^[-*]\s+/, ''));
    } else {
      if (bullets.length) flush();
      paragraph.push(line);
    }
  }
  flush();
  return blocks;
}

/** Plain text as paragraphs, headings (at `headingLevel`) and bullet lists. */
export function PlainText({ text, headingLevel = 2, className = 'nhsuk-body' }: { text: string; headingLevel?: 2 | 3; className?: string }): ReactElement {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <>
      {textBlocks(text).map((block, i) => {
        if (block.kind === 'heading') return <Heading key={i}>{block.text}</Heading>;
        if (block.kind === 'bullets')
          return (
            <ul key={i} className="nhsuk-list nhsuk-list--bullet">
              {block.items.map((item, j) => (
                <li key={j}>{item}</li>
              ))}
            </ul>
          );
        return (
          <p key={i} className={`${className} fp-plain-text`}>
            {block.text}
          </p>
        );
      })}
    </>
  );
}
