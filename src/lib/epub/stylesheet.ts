/**
 * The e-reader stylesheet: the site's book typography (indented paragraphs, none after a break
 * or a label, hyphenation, flashbacks set apart by a rule and their labels) and nothing that
 * fights the reader's app: no fonts, sizes or colours (rules use `currentColor`), so its
 * typeface, text size and night mode all apply.
 */
export const epubStylesheet = `@charset "UTF-8";
@namespace epub "http://www.idpf.org/2007/ops";

body { margin: 0 4%; }
p { margin: 0; text-indent: 1.4em; orphans: 2; widows: 2;
  -epub-hyphens: auto; -webkit-hyphens: auto; hyphens: auto; }
h1, h2, h3 { text-align: center; text-indent: 0; hyphens: none; -epub-hyphens: none;
  page-break-after: avoid; break-after: avoid; }
h1 { margin: 2em 0 0.5em; }
h2 { margin: 1.5em 0 1em; }
h3 { margin: 1.5em 0 0.5em; font-size: 1em; font-variant: small-caps; letter-spacing: 0.05em; }

/* No indent where a block begins: after a heading, a break, a label, and in notes. */
h1 + p, h2 + p, h3 + p, section > p:first-child, .notes p, .title-page p,
.flashback-start + p, .flashback > p:first-child { text-indent: 0; }

hr.scene-break { border: 0; border-top: 1px solid currentColor; width: 25%;
  margin: 1.5em auto; opacity: 0.6; }

.flashback { margin: 1em 0; padding-left: 1em; border-left: 0.15em solid currentColor; }
.flashback-start, .flashback-end { text-indent: 0; font-variant: small-caps;
  letter-spacing: 0.05em; margin: 0.5em 0; }

.notes { margin: 1em 0 1.5em; padding: 0.5em 0; border-top: 1px solid currentColor;
  border-bottom: 1px solid currentColor; }
.notes > h3 { margin-top: 0.5em; }
.notes p + p { margin-top: 0.5em; }

.title-page { text-align: center; }
.title-page .author { margin: 0.5em 0 2em; font-style: italic; }
.part-title { text-align: center; margin-top: 30%; }
.facts { margin: 1.5em 0; text-align: left; }
.facts dt { font-weight: bold; margin-top: 0.5em; }
.facts dd { margin: 0 0 0 1.5em; }
nav ol { list-style: none; padding: 0; }

/* Where messages, letters and verse start and end, labelled like flashbacks. */
.marker { text-indent: 0; font-variant: small-caps; letter-spacing: 0.05em; margin: 0.5em 0; }

.messages ol { list-style: none; padding: 0; margin: 1em 0; }
.message { margin: 0.5em 0; padding: 0.3em 0.6em; border: 1px solid currentColor;
  border-radius: 0.6em; max-width: 85%; }
.message[data-side="sent"] { margin-left: auto; }
.message p, .letter p, .verse p, .epigraph p, .footnotes p { text-indent: 0; }
.sender { font-weight: bold; font-size: 0.85em; }
.time { font-size: 0.85em; }

.letter { margin: 1em 0; padding: 0.6em 1em; border: 1px solid currentColor; }
.letter p + p { margin-top: 0.5em; }
.closing, .signature { text-align: right; }
.signature { font-style: italic; }

.verse { margin: 1em 0 1em 1.5em; }
.verse p + p { margin-top: 0.8em; }
.line[data-indent="1"] { margin-left: 1.5em; }
.line[data-indent="2"] { margin-left: 3em; }
.line[data-indent="3"] { margin-left: 4.5em; }

.epigraph { margin: 0 0 2em 15%; font-style: italic; }
.epigraph blockquote { margin: 0; }
.epigraph figcaption { text-align: right; font-style: normal; }
.illustration { margin: 1.5em 0; text-align: center; page-break-inside: avoid; break-inside: avoid; }
.illustration img { max-width: 100%; height: auto; }
.illustration figcaption { font-size: 0.85em; text-indent: 0; }
.cover { margin: 0; padding: 0; text-align: center; }
.cover img { max-width: 100%; max-height: 100%; }

.table { margin: 1em 0; }
.table table { border-collapse: collapse; }
.table th, .table td { padding: 0.2em 0.6em; border-bottom: 1px solid currentColor; text-align: left; }
.table caption { font-weight: bold; text-align: left; }
.table [data-align="right"] { text-align: right; }
.table [data-align="center"] { text-align: center; }

.footnotes { margin-top: 2em; border-top: 1px solid currentColor; font-size: 0.9em; }
.footnotes h2 { font-size: 1em; }
a[epub|type="noteref"] { text-decoration: none; }
nav li { margin: 0.3em 0; }
`;
