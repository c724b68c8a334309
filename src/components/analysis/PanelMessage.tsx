/** What a panel says when it has nothing to draw: plainly, in the panel's place. */
export function PanelMessage({ text }: { readonly text: string }) {
  return (
    <p className="panel-message" role="status">
      {text}
    </p>
  );
}
