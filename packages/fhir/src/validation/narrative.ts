import { SaxesParser, type SaxesAttributeNS } from 'saxes';

/**
 * FHIR's narrative rules (R4 Narrative.div, invariants txt-1 and txt-2, and the rules of the
 * Narrative page, https://hl7.org/fhir/R4/narrative.html): the div is well-formed XHTML (XML
 * entities and character references only, no DTD), its root a `div` in the XHTML namespace,
 * holding only the basic formatting elements and attributes of HTML 4.0 chapters 7–11 and 15,
 * links, images and style attributes: no scripts, forms, frames, objects, head or body, no event
 * attributes (`onclick`, …) and no `javascript:` (or other active) URLs. And it says something
 * (txt-2). A narrative is shown by every partner's system, so anything active in it would run
 * there. The element list follows the HL7 Java validator's; attributes are allowed on any
 * element they are allowed on in HTML 4.0.
 */
const XHTML_NS = 'http://www.w3.org/1999/xhtml';

const ELEMENTS = new Set([
  'p', 'br', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'a', 'span', 'b', 'em', 'i', 'strong', 'small', 'big', 'tt', 'dfn', 'q', 'var',
  'abbr', 'acronym', 'cite', 'blockquote', 'hr', 'address', 'bdo', 'kbd', 'sub', 'sup', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'pre',
  'table', 'caption', 'colgroup', 'col', 'thead', 'tr', 'tfoot', 'tbody', 'th', 'td', 'code', 'samp', 'img', 'map', 'area', 'ins', 'del',
]);

const ATTRIBUTES = new Set([
  // core and i18n attributes (HTML 4.0 §7.5.4, §8.1)
  'id', 'class', 'style', 'title', 'lang', 'xml:lang', 'dir', 'accesskey', 'tabindex',
  // links, images and maps (§12, §13)
  'href', 'name', 'hreflang', 'rel', 'rev', 'charset', 'src', 'alt', 'longdesc', 'width', 'height', 'usemap', 'ismap', 'shape', 'coords', 'nohref',
  // tables (§11)
  'summary', 'border', 'frame', 'rules', 'cellspacing', 'cellpadding', 'align', 'char', 'charoff', 'valign', 'abbr', 'axis', 'headers', 'scope',
  'rowspan', 'colspan', 'span',
  // lists, quotations and changes (§10, §9.2)
  'type', 'start', 'value', 'compact', 'cite', 'datetime',
]);

/** Attributes holding a URL, checked for their scheme. */
const URL_ATTRIBUTES = new Set(['href', 'src', 'cite', 'longdesc', 'usemap']);
const SAFE_SCHEMES = new Set(['http', 'https', 'mailto', 'tel', 'urn', 'ftp']);

/** Why a URL attribute is refused, or undefined when it is acceptable (relative, #fragment, or a safe scheme; images may be data:image/…). */
function urlProblem(attribute: string, value: string): string | undefined {
  // Browsers ignore control characters and spaces inside a scheme (`java\tscript:`), so do the same before looking.
  const plain = value.replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase();
  const scheme = /^([a-z][a-z0-9+.-]*):/.exec(plain)?.[1];
  if (scheme === undefined || SAFE_SCHEMES.has(scheme)) return undefined;
  if (scheme === 'data' && attribute === 'src' && /^data:image\/(png|gif|jpeg|webp|svg\+xml);/.test(plain) && !plain.startsWith('data:image/svg')) return undefined;
  return `a ${scheme}: URL is not allowed in ${attribute}`;
}

/** Why a style attribute is refused: styles may format, never fetch or run anything. */
function styleProblem(value: string): string | undefined {
  const plain = value.replace(/\s|\\/g, '').toLowerCase();
  for (const bad of ['expression(', 'javascript:', 'vbscript:', 'url(', '@import', 'behavior:', '-moz-binding']) {
    if (plain.includes(bad)) return `a style may not contain ${bad}`;
  }
  return undefined;
}

/**
 * The problems of one narrative div (empty when it is acceptable), each a sentence naming the
 * rule (txt-1 or txt-2) and what broke it. Stops at the first well-formedness error.
 */
export function narrativeProblems(xhtml: string): string[] {
  const problems: string[] = [];
  let depth = 0;
  let content = false;
  const parser = new SaxesParser({ xmlns: true, position: false });
  parser.on('doctype', () => problems.push('txt-1: a narrative may not hold a DOCTYPE'));
  parser.on('processinginstruction', () => problems.push('txt-1: a narrative may not hold processing instructions'));
  parser.on('text', (text) => {
    if (text.trim()) content = true;
  });
  parser.on('cdata', (text) => {
    if (text.trim()) content = true;
  });
  parser.on('opentag', (tag) => {
    depth++;
    if (depth === 1 && (tag.local !== 'div' || tag.uri !== XHTML_NS)) {
      problems.push(`txt-1: the narrative must be a div in the XHTML namespace (<div xmlns="${XHTML_NS}">), not <${tag.name}>`);
    }
    if (tag.uri !== XHTML_NS) problems.push(`txt-1: <${tag.name}> is not an XHTML element`);
    else if (!ELEMENTS.has(tag.local)) problems.push(`txt-1: <${tag.local}> is not allowed in a narrative`);
    if (tag.local === 'img') content = true;
    for (const attribute of Object.values(tag.attributes) as SaxesAttributeNS[]) {
      const name = attribute.prefix === 'xml' ? `xml:${attribute.local}` : attribute.prefix ? `${attribute.prefix}:${attribute.local}` : attribute.local;
      if (attribute.prefix === 'xmlns' || name === 'xmlns') continue;
      const lower = name.toLowerCase();
      if (lower.startsWith('on')) problems.push(`txt-1: event attributes such as ${name} are not allowed in a narrative`);
      else if (!ATTRIBUTES.has(lower) || (attribute.prefix !== '' && attribute.prefix !== 'xml')) problems.push(`txt-1: the attribute ${name} is not allowed on <${tag.local}>`);
      else if (URL_ATTRIBUTES.has(lower)) {
        const problem = urlProblem(lower, attribute.value);
        if (problem) problems.push(`txt-1: ${problem}`);
      } else if (lower === 'style') {
        const problem = styleProblem(attribute.value);
        if (problem) problems.push(`txt-1: ${problem}`);
      }
    }
  });
  parser.on('closetag', () => {
    depth--;
  });
  try {
    parser.write(xhtml).close();
  } catch (err) {
    const reason = err instanceof Error ? err.message.replace(/^undefined:\d+:\d+: /, '') : 'not well-formed';
    return [`txt-1: the narrative is not well-formed XHTML (${reason})`];
  }
  if (problems.length === 0 && !content) problems.push('txt-2: the narrative must have some non-whitespace content');
  return [...new Set(problems)];
}
