/**
 * src/share: links, files and autosaves of a lab, read as untrusted input. One table (FIELDS in
 * schema.ts) drives both writing and reading; versions migrate forward (migrations.ts).
 */

export {
  CLASS_SCHEMA,
  type ClassOptions,
  HIDEABLE_SECTIONS,
  type HideableSection,
  OPEN_CLASS,
  restricts,
} from './classroom';
export {
  type DecodeResult,
  decodeLab,
  encodeLab,
  labFromHash,
  labFromJson,
  labToJson,
  shareUrl,
  validateLab,
} from './codec';
export {
  DEFAULT_HYPER,
  defaultLab,
  LAB_BACKEND_PREFS,
  LAB_DIST_MODES,
  LAB_OPTIMIZERS,
  LAB_PANEL_IDS,
  type Lab,
  type LabBackendPref,
  type LabDistMode,
  type LabHyper,
  type LabOptimizer,
  type LabPanelId,
  type LabPanels,
  type LabWeights,
} from './lab';
export { SHARE_LIMITS } from './limits';
export { SHARE_ERRORS } from './messages';
export { CURRENT_VERSION } from './migrations';
export {
  boundaryValues,
  type PinnedRun,
  RUN_LIMITS,
  type RunBoundary,
  type RunCurves,
  type RunFinal,
  type RunTask,
  readRuns,
  runsFromJson,
  runsToJson,
  shrinkBoundary,
} from './runs';
export { FIELDS } from './schema';
export { REFUSED_ISSUES } from './structure';
export { readWeights as readLabWeights } from './weights';
