/**
 * What a panel says when it has nothing to draw: plainly, in the panel's place. (Plain text, not
 * a live region: the page's one status region is the notice bar.)
 */
export function PanelMessage({ text }: { readonly text: string }) {
  return (
    <p className="panel-message" data-testid="panel-message">
      {text}
    </p>
  );
}
