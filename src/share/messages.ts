import { SHARE_LIMITS as L } from './limits';

/** Where untrusted lab text came from, for the wording of messages. */
export type Source = 'link' | 'file';

/** A value quoted for a message: strings in quotes, cut to 40 characters so a huge input stays readable. */
export function quote(value: unknown): string {
  const text = typeof value === 'string' ? value : String(value);
  const cut = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  return typeof value === 'string' ? JSON.stringify(cut) : cut;
}

const kb = (bytes: number) => `${Math.round(bytes / 1024)} KB`;
const mb = (bytes: number) => `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;

/**
 * Every message a refused link or file gets: one sentence each, saying what is wrong. Tests
 * recognise them by their wording, and the UI shows them in a role="alert" notice.
 */
export const SHARE_ERRORS = {
  emptyLink: 'The link holds no lab: the part after "#lab=" is empty.',
  notText: (source: Source) => `The ${source} holds no lab: it is not text.`,
  linkTooLong: (chars: number) =>
    `The link is too long (${chars} characters); a NormLab link holds at most ${kb(L.maxLinkBytes)} of compressed data.`,
  badBase64Chars:
    'The link is damaged: it contains characters that are not base64url (letters, digits, "-" and "_").',
  badBase64Length:
    'The link is damaged: its base64url text has an impossible length (a character is missing).',
  truncated: 'The link is cut off: its compressed data ends too early, so copy the whole link.',
  corrupted: 'The link is damaged: its compressed data is corrupted.',
  checksum: 'The link is damaged: its checksum does not match its content.',
  tooLargeInflated: `The link expands to more than ${mb(L.maxJsonBytes)} of data, so NormLab refuses it.`,
  notUtf8: 'The link is damaged: its content is not UTF-8 text.',
  fileTooLarge: (chars: number) =>
    `The file is too large (${mb(chars)}); a lab file may be at most ${mb(L.maxFileChars)} (${mb(L.maxDataFileChars)} when it carries its data).`,
  notJsonAtAll: (source: Source) => `The ${source} is not JSON at all, so it is not a NormLab lab.`,
  invalidJson: (source: Source) => `The ${source} is not valid JSON: it is damaged or cut off.`,
  tooDeep: (source: Source) =>
    `The ${source} nests arrays or objects deeper than ${L.maxDepth} levels, so NormLab refuses it.`,
  forbiddenKey: (source: Source, key: string) =>
    `The ${source} contains the forbidden key ${quote(key)}, so NormLab refuses it.`,
  notALab: (source: Source) =>
    `The ${source} holds JSON, but not a NormLab lab (a lab is an object with a version).`,
  noVersion: 'This lab has no valid version number (a whole number from 1 up).',
  newerVersion: (version: number, current: number) =>
    `This lab was saved by a newer NormLab (version ${version}); this one reads up to version ${current}.`,
  unknownField: (key: string) => `This lab has an unknown field ${quote(key)}.`,
  missingField: (key: string) => `This lab is missing the field ${quote(key)}.`,
  tooManyNodes: (n: number) => `This lab has ${n} nodes; NormLab loads at most ${L.maxNodes}.`,
  tooManyEdges: (n: number) => `This lab has ${n} connections; NormLab loads at most ${L.maxEdges}.`,
  notAList: (what: string) => `This lab's ${what} must be a list.`,
  cycle: (id: string) =>
    `This lab's graph has a loop through node ${quote(id)}: data would flow back into itself.`,
  danglingEdge: (edgeId: string) => `Connection ${quote(edgeId)} points to a node that does not exist.`,
  duplicateNodeId: (id: string) => `Two nodes share the id ${quote(id)}.`,
  duplicateEdgeId: (id: string) => `Two connections share the id ${quote(id)}.`,
  duplicateEdge: (edgeId: string) =>
    `Connection ${quote(edgeId)} joins two nodes that are already connected.`,
  noInput: "This lab's graph has no Input node.",
  noOutput: "This lab's graph has no Output node.",
  manyInputs: "This lab's graph has more than one Input node.",
  manyOutputs: "This lab's graph has more than one Output node.",
  weightsNotObject: 'The weights in this file must be an object of node ids.',
  tooManyWeights: (n: number) =>
    `The weights in this file hold ${n} values; a lab file may hold at most ${L.maxWeightValues}.`,
  weightsUnknownNode: (id: string) => `The weights name node ${quote(id)}, which is not in this lab's graph.`,
} as const;
