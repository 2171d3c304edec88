import uPlot from 'uplot';
import { h } from './dom.js';

// Confidence over time under the timeline (uPlot, local time axis): the winning label's confidence per
// event for short ranges, each segment's mean for long ones. Points further apart than `breakSeconds`
// are not joined, so gaps stay gaps. Its time axis lines up under the timeline's (alignLeft).
const seconds = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
const clock = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const dayClock = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

export function createConfidencePlot() {
  const element = h('div', { class: 'confidence-plot', role: 'img', 'aria-label': 'Confidence over time' });
  let xs = [];
  let ys = [];
  let range = null;
  let left = 48;
  const timeTicks = (_, ticks) => {
    const span = range ? range[1] - range[0] : 3600;
    const format = span > 36 * 3600 ? dayClock : span > 600 ? clock : seconds;
    return ticks.map((t) => format.format(new Date(t * 1000)));
  };
  const plot = new uPlot({
    width: 600,
    height: 160,
    padding: [10, 1, 0, 0],
    legend: { show: false },
    cursor: { drag: { x: false, y: false } },
    scales: { x: { time: true }, y: { range: [0, 1] } },
    axes: [{ values: timeTicks, space: 80 }, { values: (_, ticks) => ticks.map((t) => `${Math.round(t * 100)}%`), size: () => left }],
    series: [{}, { label: 'confidence', stroke: '#2563eb', fill: 'rgba(37, 99, 235, 0.08)', width: 1.5, spanGaps: false, points: { show: false } }],
  }, [[], []], element);

  const resize = new ResizeObserver(() => plot.setSize({ width: Math.max(element.clientWidth, 200), height: 160 }));
  resize.observe(element);

  function draw() {
    plot.setData([xs, ys], false);
    if (range) {
      plot.setScale('x', { min: range[0], max: range[1] });
    }
  }

  // points: [{ time (ms), value (0..1) }] in time order, or { time, value: null } to break the line.
  function show(points, from, to, breakSeconds) {
    xs = [];
    ys = [];
    let previous = null;
    for (const point of points) {
      const x = point.time / 1000;
      if (previous !== null && point.value !== null && x - previous > breakSeconds) {
        xs.push((previous + x) / 2);
        ys.push(null);
      }
      xs.push(x);
      ys.push(point.value);
      previous = point.value === null ? null : x;
    }
    range = [from / 1000, to / 1000];
    draw();
  }

  function append(time, value, breakSeconds) {
    const x = time / 1000;
    if (xs.length > 0 && x <= xs[xs.length - 1]) {
      return;
    }
    if (xs.length > 0 && x - xs[xs.length - 1] > breakSeconds) {
      xs.push(x - 0.001);
      ys.push(null);
    }
    xs.push(x);
    ys.push(value);
    draw();
  }

  function setRange(from, to) {
    range = [from / 1000, to / 1000];
    plot.setScale('x', { min: range[0], max: range[1] });
  }

  // Makes the plotting area start where the timeline's lanes start (after their labels).
  function alignLeft(px) {
    if (px > 0 && px !== left) {
      left = px;
      plot.setSize({ width: Math.max(element.clientWidth, 200), height: 160 });
    }
  }

  return {
    element,
    alignLeft,
    show,
    append,
    setRange,
    destroy: () => {
      resize.disconnect();
      plot.destroy();
    },
  };
}
