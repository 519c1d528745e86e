import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";

export interface Series {
  label: string;
  color: string;
  values: (number | null)[];
  /** Drawn against the right-hand axis (e.g. SOC % beside kW). */
  right?: boolean;
  bars?: boolean;
}

/** A time chart (x: ISO timestamps) over [from, to] of one or two axes; replaces whatever the container held. */
export function timeChart(container: HTMLElement, title: string, times: string[], series: Series[], from: Date, to: Date): uPlot {
  container.replaceChildren();
  const width = Math.max(280, container.clientWidth || 600);
  const bars = uPlot.paths.bars?.({ size: [0.6, 40] });
  const hasRight = series.some((s) => s.right);
  const options: uPlot.Options = {
    title,
    width,
    height: 260,
    series: [
      {},
      ...series.map((s) => ({
        label: s.label,
        stroke: s.color,
        fill: s.bars ? `${s.color}88` : undefined,
        width: 2,
        scale: s.right ? "right" : "y",
        paths: s.bars ? bars : undefined,
      })),
    ],
    axes: [{}, { scale: "y" }, ...(hasRight ? [{ scale: "right", side: 1, grid: { show: false } } as uPlot.Axis] : [])],
    // The period asked for, not the span of the points: one point would otherwise stretch over years.
    scales: { x: { time: true, range: [from.getTime() / 1000, to.getTime() / 1000] } },
  };
  const data: uPlot.AlignedData = [times.map((t) => Date.parse(t) / 1000), ...series.map((s) => s.values)];
  const chart = new uPlot(options, data, container);
  container.dataset.points = String(times.length);
  return chart;
}
