import type { ReactNode } from 'react';
import { ChartStyleContext, NORMAL_STYLE, PRESENTER_STYLE } from '../charts/chartStyle';
import { useAppStore } from '../store/store';

/** Gives the charts inside it the presenter style while presenter view is on, else the normal one. */
export function ViewChartStyle({ children }: { readonly children: ReactNode }) {
  const presenter = useAppStore((s) => s.presenter);
  return (
    <ChartStyleContext.Provider value={presenter ? PRESENTER_STYLE : NORMAL_STYLE}>
      {children}
    </ChartStyleContext.Provider>
  );
}
