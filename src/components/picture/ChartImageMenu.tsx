import type { RefObject } from 'react';
import type { SlideText } from '../../export/slideLayout';
import { chartSlide } from './chartSlide';
import { ImageMenu } from './ImageMenu';

interface Props {
  /** The element around the chart: every SVG and canvas in it goes into the picture. */
  readonly target: RefObject<HTMLElement | null>;
  /** What the chart is, after "the": "loss chart" gives the button "Image of the loss chart". */
  readonly name: string;
  /** The slide's words, read when the picture is made (so a step number is the current one). */
  readonly text: () => SlideText;
  /** 'row': the chart's drawings side by side on the slide, however the page stacks them. */
  readonly arrange?: 'page' | 'row';
}

/**
 * The picture menu of one chart: PNG and SVG downloads and a clipboard copy of a slide made of
 * whatever the chart draws (any SVG or canvas chart, recharts included), with its title and labels.
 */
export function ChartImageMenu({ target, name, text, arrange }: Props) {
  return (
    <ImageMenu
      label={`Image of the ${name}`}
      what={`the ${name}`}
      fileTitle={name}
      makeSlide={() => chartSlide(target.current, `the ${name}`, text(), arrange)}
    />
  );
}
