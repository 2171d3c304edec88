import { DataSet, Timeline } from 'vis-timeline/standalone';
import { h } from './dom.js';
import { formatDuration, percent, utc } from './time.js';

const minute = 60 * 1000;

// The label timeline of one camera (vis-timeline): one lane per label, one bar per LabelSegment
// (id: its first sequence), history gaps as shaded background with nothing in any lane. A camera in person
// mode gets one lane per tracked person instead ("person 17"), each bar named by its label. Zoom and pan
// with the mouse, touch, or the page's buttons; onRange(from, to) is called when the user moves it,
// onLayout(px) with the width of the lane labels after each redraw. `element` must already be in the page.
export function createSegmentTimeline({ element, from, to, onRange, onSelect, onLayout }) {
  const groups = new DataSet();
  const items = new DataSet();
  const segments = new Map();
  const timeline = new Timeline(element, items, groups, {
    start: from,
    end: to,
    stack: false,
    groupOrder: (a, b) => (a.order ?? 0) - (b.order ?? 0) || String(a.content).localeCompare(String(b.content)),
    orientation: { axis: 'top' },
    zoomMin: minute,
    zoomMax: 31 * 24 * 60 * minute,
    showCurrentTime: true,
    selectable: true,
    multiselect: false,
    margin: { item: { vertical: 6 } },
    tooltip: { followMouse: true, delay: 200 },
    template: (item) => item.element ?? '',
  });
  const laneOf = (segment) => (segment.trackId ? `track:${segment.trackId}` : segment.label);
  const laneName = (segment) => (segment.trackId ? `person ${segment.trackId}` : segment.label);
  timeline.on('rangechanged', ({ start, end, byUser }) => {
    if (byUser) {
      onRange(start, end);
    }
  });
  timeline.on('changed', () => onLayout(element.querySelector('.vis-panel.vis-left')?.offsetWidth ?? 0));
  timeline.on('select', ({ items: selected }) => {
    const segment = segments.get(selected[0]);
    if (segment) {
      onSelect(segment);
    }
  });

  function itemOf(segment) {
    const start = new Date(segment.start);
    const end = new Date(segment.end);
    const text = `${segment.trackId ? `person ${segment.trackId}: ` : ''}${segment.label} · ${percent(segment.meanConfidence)} mean · ${segment.windows} windows · ${formatDuration((end - start) / 1000)}`;
    return {
      id: `s${segment.firstSequence}`,
      group: laneOf(segment),
      start,
      end,
      type: 'range',
      className: segment.open ? 'segment open' : 'segment',
      title: `${text}\n${utc(start)} – ${utc(end)}${segment.open ? ' (open)' : ''}`,
      element: h('span', { class: 'segment-content', dataset: { first: segment.firstSequence, label: segment.label, track: segment.trackId ?? '', start: start.toISOString(), end: end.toISOString(), open: segment.open } }, segment.label),
    };
  }

  // Person lanes in the order the people appeared (track ids are window sequences), label lanes by name.
  function ensureGroup(segment) {
    if (!groups.get(laneOf(segment))) {
      groups.add({ id: laneOf(segment), content: laneName(segment), order: segment.trackId ? Number(segment.trackId) : 0 });
    }
  }

  // Replaces everything shown with these segments and gaps.
  function show(newSegments, gaps) {
    segments.clear();
    items.clear();
    groups.clear();
    for (const segment of newSegments) {
      ensureGroup(segment);
    }
    for (const segment of newSegments) {
      segments.set(`s${segment.firstSequence}`, segment);
    }
    items.add(newSegments.map(itemOf));
    items.add(gaps.map((gap) => ({
      id: `g${gap.nextSequence}`,
      start: new Date(gap.start),
      end: new Date(gap.end),
      type: 'background',
      className: 'gap',
      title: `No labels: ${gap.reason} (${utc(gap.start)} – ${utc(gap.end)})`,
    })));
  }

  // A segment from the live feed: added, or replaced when its first sequence is already shown.
  function upsert(segment) {
    ensureGroup(segment);
    segments.set(`s${segment.firstSequence}`, segment);
    items.update(itemOf(segment));
  }

  // The open segment of this label (and person), extended to a live event (until segment-end arrives).
  function extend(event) {
    const open = [...segments.values()].find((s) => s.open && s.label === event.label && (s.trackId ?? null) === (event.trackId ?? null) && s.firstSequence <= event.sequence);
    if (open && event.sequence > open.lastSequence) {
      upsert({ ...open, end: event.end, lastSequence: event.sequence, windows: open.windows + 1 });
    }
  }

  function addGap(gap) {
    items.update({ id: `g${gap.nextSequence}`, start: new Date(gap.start), end: new Date(gap.end), type: 'background', className: 'gap', title: `No labels: ${gap.reason}` });
  }

  return {
    show,
    upsert,
    extend,
    addGap,
    segments: () => [...segments.values()].sort((a, b) => new Date(a.start) - new Date(b.start)),
    window: () => timeline.getWindow(),
    setWindow: (start, end) => timeline.setWindow(start, end, { animation: false }),
    destroy: () => timeline.destroy(),
  };
}
