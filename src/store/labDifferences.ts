import { datasetLabel } from '../data/source';
import type { Lab } from '../share';
import { sameLab } from './labSlice';

/** True when `theirs` differs from `mine` in the part `pick` swaps in (compared as saved, so canonically). */
const differs = (mine: Lab, theirs: Lab, pick: (l: Lab) => Partial<Lab>) =>
  !sameLab(mine, { ...mine, ...pick(theirs) });

/** The graph with every node at the origin: what is left when only positions changed. */
const unplaced = (lab: Lab): Lab => ({
  ...lab,
  graph: { ...lab.graph, nodes: lab.graph.nodes.map((n) => ({ ...n, position: { x: 0, y: 0 } })) },
});

/**
 * How another lab differs from mine, in a few words for people ("dataset XOR", "9 nodes instead
 * of 8", "learning rate 0.1"); at least one phrase, in the order the page shows them.
 */
export function labDifferences(mine: Lab, theirs: Lab): string[] {
  const out: string[] = [];
  if (theirs.data.dataset !== mine.data.dataset || theirs.data.csv?.hash !== mine.data.csv?.hash)
    out.push(`dataset ${datasetLabel(theirs.data)}`);
  else if (differs(mine, theirs, (l) => ({ data: l.data }))) out.push('other data settings');
  const n = theirs.graph.nodes.length;
  const m = mine.graph.nodes.length;
  if (n !== m) out.push(`${n} nodes instead of ${m}`);
  else if (differs(unplaced(mine), unplaced(theirs), (l) => ({ graph: l.graph })))
    out.push('a changed graph');
  else if (differs(mine, theirs, (l) => ({ graph: l.graph }))) out.push('nodes moved');
  if (theirs.hyper.learningRate !== mine.hyper.learningRate)
    out.push(`learning rate ${theirs.hyper.learningRate}`);
  else if (differs(mine, theirs, (l) => ({ hyper: l.hyper }))) out.push('other training settings');
  if (out.length === 0) out.push('other settings');
  return out;
}
