import type { Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import type { VFile } from 'vfile';
import { visitParents } from 'unist-util-visit-parents';
// Declares mdast's `data.hName` / `data.hProperties`, which remark-rehype honours.
import type {} from 'mdast-util-to-hast';
import { checkContainer, failAt, marker } from './containers.ts';
import { splitLines } from './lines.ts';
import { attributes } from './vocabulary.ts';
import { labelsOf } from './labels.ts';

/** Options of {@link remarkMessages}. */
export interface MessagesOptions {
  startLabel?: string;
  endLabel?: string;
}

// "Chloe: text" or "Chloe (9:41 PM): text": a name of up to 41 characters, an optional time in
// brackets, a colon and a space. The first such colon ends the name; every later one is prose.
const senderLine = /^([^\s:()[\]][^:()[\]\n]{0,40}?)\s*(?:\(([^()\n]{1,20})\))?:\s+/;

/**
 * Text messages, chat logs, emails shown as a thread: `:::messages`, one message per line, each
 * starting with its sender (and, in brackets, its time). `me="Clark"` puts Clark's messages on
 * the reader's side. A line without a sender continues the message before it.
 *
 * ```markdown
 * :::messages{me="Clark"}
 * Chloe (9:41 PM): Where are you? It's 8:30 already.
 * Clark: On my way.
 * :::
 * ```
 *
 * ```html
 * <section data-messages="1" id="messages-1" aria-labelledby="messages-1-label">
 * <p data-messages-start id="messages-1-label">Messages</p>
 * <ol>
 * <li data-message data-side="received"><span data-sender>Chloe</span> <span data-time>9:41 PM</span><p>Where are you? It’s 8:30 already.</p></li>
 * <li data-message data-side="sent"><span data-sender>Clark</span><p>On my way.</p></li>
 * </ol>
 * <p data-messages-end>End of messages</p>
 * </section>
 * ```
 *
 * A screen reader hears a list of messages, each starting with its sender's name. The colon
 * after a name and the brackets around a time are syntax; every word is kept.
 *
 * Errors: a first line with no sender (`messages:no-sender`), blocks other than lines of text
 * (`messages:not-a-message`), an attribute other than `me`, and the containers' own checks.
 */
export function remarkMessages(options: MessagesOptions = {}) {
  return function transformer(tree: Root, file: VFile) {
    const labels = labelsOf(file);
    const startLabel = options.startLabel ?? labels.messages;
    const endLabel = options.endLabel ?? labels.messagesEnd;
    let count = 0;
    visitParents(tree, 'containerDirective', (node, ancestors) => {
      if (node.name !== 'messages') return;
      const { children } = checkContainer(node, ancestors, file, {
        known: ['me'],
        example: ':::messages{me="Clark"} (then lines like "Chloe (9:41 PM): Where are you?")',
      });
      const me = node.attributes?.['me']?.trim();
      const messages: { sender: string; time?: string; lines: PhrasingContent[][] }[] = [];
      for (const block of children) {
        if (block.type !== 'paragraph') {
          failAt(
            file,
            block,
            'messages',
            'not-a-message',
            'A ":::messages" thread holds lines of messages only.',
            'Write each message on its own line: "Chloe: Where are you?"; close the thread (":::") before other text.',
          );
        }
        for (const line of splitLines(block.children)) {
          const first = line[0];
          const match = first?.type === 'text' ? senderLine.exec(first.value) : null;
          if (match && first?.type === 'text') {
            const rest = first.value.slice(match[0].length);
            const text = rest ? [{ ...first, value: rest }, ...line.slice(1)] : line.slice(1);
            messages.push({
              sender: match[1]!.trim(),
              ...(match[2] ? { time: match[2].trim() } : {}),
              lines: [text],
            });
          } else if (messages.length > 0) {
            messages.at(-1)!.lines.push(line);
          } else {
            failAt(
              file,
              block,
              'messages',
              'no-sender',
              'The first message of a thread does not say who sent it.',
              'Start each message with its sender and a colon: "Chloe: Where are you?" or "Chloe (9:41 PM): Where are you?".',
            );
          }
        }
      }

      count += 1;
      const id = `messages-${count}`;
      const items = messages.map((message) => ({
        type: 'message',
        data: {
          hName: 'li',
          hProperties: {
            [attributes.message]: '',
            'data-side': me && message.sender === me ? 'sent' : 'received',
          },
        },
        children: [
          span(attributes.sender, message.sender),
          ...(message.time
            ? [{ type: 'text', value: ' ' }, span(attributes.time, message.time)]
            : []),
          ...message.lines.map((line): Paragraph => ({ type: 'paragraph', children: line })),
        ],
      }));
      node.data = {
        hName: 'section',
        hProperties: { [attributes.messages]: String(count), id, 'aria-labelledby': `${id}-label` },
      };
      node.children = [
        marker(startLabel, { [attributes.messagesStart]: '', id: `${id}-label` }),
        { type: 'messageList', data: { hName: 'ol' }, children: items } as unknown as RootContent,
        marker(endLabel, { [attributes.messagesEnd]: '' }),
      ] as never;
    });
  };
}

function span(attribute: string, value: string) {
  return {
    type: 'messagePart',
    data: { hName: 'span', hProperties: { [attribute]: '' } },
    children: [{ type: 'text', value }],
  };
}
