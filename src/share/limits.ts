/**
 * Hard limits on untrusted input (links, files, autosaves). Each exists so that a hostile or
 * damaged payload is refused with a message instead of freezing or breaking the page.
 */
export const SHARE_LIMITS = {
  /** Compressed bytes a link may carry (its base64url text is 4/3 of this). */
  maxLinkBytes: 64 * 1024,
  /** Bytes a link may inflate to: checked while inflating, so a small link cannot expand to megabytes. */
  maxJsonBytes: 1024 * 1024,
  /** Characters a lab file may have (trained weights make files larger than links). */
  maxFileChars: 16 * 1024 * 1024,
  /**
   * Characters a lab file may have when it carries its imported rows ("table", written last):
   * the lab before the rows is still held to maxFileChars.
   */
  maxDataFileChars: 96 * 1024 * 1024,
  /** Deepest nesting of arrays and objects (a lab needs 4; weights need 4). */
  maxDepth: 32,
  maxNodes: 200,
  maxEdges: 400,
  /** Longest node id. */
  maxIdLength: 64,
  /** Longest edge id: the editor builds them from two node ids (`e-${source}-${target}-1`). */
  maxEdgeIdLength: 160,
  /** Largest |x| or |y| of a node position on the canvas. */
  maxCoordinate: 1e6,
  /** Most weight values a file may carry, over all nodes. */
  maxWeightValues: 1_000_000,
  /** Most named weight arrays per node (a BatchNorm has 4). */
  maxWeightsPerNode: 32,
} as const;
