/**
 * Every problem a graph can have, numbered, in words a learner understands. Tests and the UI
 * recognise problems by code; the message is what a person reads.
 */
export const ISSUE_CODES = {
  NO_INPUT: 'NL101',
  MANY_INPUTS: 'NL102',
  NO_OUTPUT: 'NL103',
  MANY_OUTPUTS: 'NL104',
  CYCLE: 'NL110',
  NOT_FROM_INPUT: 'NL111',
  NOT_TO_OUTPUT: 'NL112',
  TOO_FEW_INPUTS: 'NL120',
  TOO_MANY_INPUTS: 'NL121',
  WIDTH_MISMATCH: 'NL122',
  BAD_PARAM: 'NL130',
  MISSING_PARAM: 'NL131',
  DANGLING_EDGE: 'NL140',
  DUPLICATE_EDGE: 'NL141',
  DUPLICATE_ID: 'NL142',
} as const;

export type IssueCode = (typeof ISSUE_CODES)[keyof typeof ISSUE_CODES];

/** A problem tied to the node or edge that has it. */
export interface GraphIssue {
  readonly code: IssueCode;
  readonly message: string;
  readonly nodeId?: string;
  readonly edgeId?: string;
}
