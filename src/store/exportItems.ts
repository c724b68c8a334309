/** The items of the Export menu. */
export type ExportKind = 'lab' | 'pytorch' | 'keras' | 'tfjs';

/** The menu items' names (the UI contract of issue 11), in menu order. */
export const EXPORT_ITEMS: readonly { readonly kind: ExportKind; readonly label: string }[] = [
  { kind: 'lab', label: 'Lab file' },
  { kind: 'pytorch', label: 'PyTorch (.py)' },
  { kind: 'keras', label: 'Keras (.py)' },
  { kind: 'tfjs', label: 'TF.js model (.zip)' },
];

/** The Export menu's options. */
export interface ExportOptions {
  /** "with trained weights": the live weights (else the seed's initial ones, or none in a lab file). */
  readonly withWeights: boolean;
  /** "with the data": the dataset's rows go into the script (or the zip, as CSV). */
  readonly withData: boolean;
}

/** The menu item's name for a kind. */
export function exportLabel(kind: ExportKind): string {
  return EXPORT_ITEMS.find((i) => i.kind === kind)?.label ?? kind;
}
