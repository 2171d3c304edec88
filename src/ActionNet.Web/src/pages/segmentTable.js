import { h, table } from '../dom.js';
import { formatDuration, percent, timeElement } from '../time.js';

// The timeline's segments as a table, for keyboards and screen readers: every row has a button that
// lists the segment's events, as clicking its bar does.
export function segmentTable(segments, onSelect) {
  const columns = [
    { title: 'Label', cell: (s) => s.label },
    { title: 'From', cell: (s) => timeElement(s.start) },
    { title: 'To', cell: (s) => (s.open ? h('span', null, timeElement(s.end), ' (open)') : timeElement(s.end)) },
    { title: 'Length', class: 'number', cell: (s) => formatDuration(s.seconds ?? (new Date(s.end) - new Date(s.start)) / 1000) },
    { title: 'Windows', class: 'number', cell: (s) => String(s.windows) },
    { title: 'Mean', class: 'number', cell: (s) => percent(s.meanConfidence) },
    { title: 'Peak', class: 'number', cell: (s) => percent(s.peakConfidence) },
    { title: 'Events', cell: (s) => h('button', { type: 'button', class: 'small', onclick: () => onSelect(s) }, 'Show events') },
  ];
  return h('details', { class: 'segment-list' },
    h('summary', null, `Segments in this range (${segments.length})`),
    table('Label segments in the selected range', columns, segments, (s) => ({ dataset: { first: s.firstSequence } })));
}
