interface Props {
  readonly runName: string;
  /** How the lab on screen differs from the run's, in words. */
  readonly differences: string;
  readonly onOpen: () => void;
  readonly onCancel: () => void;
}

/**
 * Asks before a pinned run's lab replaces a lab on screen that is not pinned itself: what differs,
 * and that the lab on screen stays one click away ("Restore my previous lab").
 */
export function OpenRunQuestion({ runName, differences, onOpen, onCancel }: Props) {
  return (
    <div className="open-run-question" role="alertdialog" aria-label={`Open the lab of ${runName}?`}>
      <p>
        The lab on screen is not pinned (compared with “{runName}”: {differences}). Open “{runName}”’s lab
        anyway? Yours stays one click away: “Restore my previous lab”.
      </p>
      <div className="button-row">
        <button type="button" className="primary" onClick={onOpen}>
          Open its lab
        </button>
        <button type="button" onClick={onCancel}>
          Keep my lab
        </button>
      </div>
    </div>
  );
}
