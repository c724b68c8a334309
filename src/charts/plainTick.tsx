import type { ReactNode } from 'react';

/** What recharts hands a tick renderer (the fields a plain label needs). */
interface TickProps {
  readonly x: number | string;
  readonly y: number | string;
  readonly payload: { readonly value: unknown };
  readonly textAnchor?: string;
  readonly verticalAnchor?: string;
}

const DY: Readonly<Record<string, string>> = { start: '0.71em', middle: '0.32em', end: '0' };

/**
 * A tick renderer that writes a plain SVG <text>: recharts' own tick <Text> measures every label in
 * the DOM (getBoundingClientRect) on every redraw, which a chart redrawn while training cannot
 * afford. `format` turns the tick's value into its label; `axis` names it in the class
 * (chart-tick-x, chart-tick-y).
 */
export function plainTick(
  fontSize: number,
  fill: string,
  format: (v: number) => string,
  axis: 'x' | 'y' = 'x',
): (props: TickProps) => ReactNode {
  return ({ x, y, payload, textAnchor = 'middle', verticalAnchor = 'start' }: TickProps) => (
    <text
      x={x}
      y={y}
      dy={DY[verticalAnchor] ?? '0'}
      textAnchor={textAnchor as 'start' | 'middle' | 'end'}
      fontSize={fontSize}
      fill={fill}
      className={`chart-tick chart-tick-${axis}`}
    >
      {format(Number(payload.value))}
    </text>
  );
}
