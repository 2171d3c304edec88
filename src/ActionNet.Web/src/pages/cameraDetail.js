import { allPages, ApiError, cameraPath, getJson } from '../api.js';
import { cameraState } from '../cameraState.js';
import { createConfidencePlot } from '../confidencePlot.js';
import { every, h, table } from '../dom.js';
import { live } from '../live.js';
import { replaceQuery } from '../router.js';
import { createSegmentTimeline } from '../segmentTimeline.js';
import { percent, timeElement } from '../time.js';
import { segmentTable } from './segmentTable.js';

const minute = 60 * 1000;
const hour = 60 * minute;
const presets = [['Hour', hour], ['Day', 24 * hour], ['Week', 7 * 24 * hour]];

// One camera: its label timeline over a chosen range (?from=&to=, ISO), confidence over time, the
// events of a clicked segment, and live updates while the range reaches now.
export function renderCameraDetail(container, [id], query) {
  const stop = new AbortController();
  let from = query.get('from') ? new Date(query.get('from')) : new Date(Date.now() - hour);
  let to = query.get('to') ? new Date(query.get('to')) : new Date(Date.now() + minute);
  let followNow = !query.get('to');
  let loads = 0;
  let breakSeconds = 10;
  let eventsMode = false;

  const state = h('span', { class: 'state' });
  const facts = h('p', { class: 'muted camera-facts' });
  const rangeText = h('p', { class: 'range-text', role: 'status' });
  const loadError = h('p', { class: 'error-line', role: 'alert', hidden: true });
  const timelineHost = h('div', { class: 'timeline', role: 'group', 'aria-label': 'Label timeline: one lane per label (per person in person mode); click a bar to list its events' });
  const plot = createConfidencePlot();
  const segmentsHolder = h('div');
  const eventsPanel = h('section', { class: 'segment-events', 'aria-live': 'polite' });
  const button = (text, onclick, label) => h('button', { type: 'button', onclick, 'aria-label': label }, text);
  const span = () => to - from;
  const moveTo = (start, end, follow = false) => { followNow = follow; timeline.setWindow(start, end); load(start, end); };
  const view = h('section', { class: 'camera-detail', dataset: { camera: id, loading: 'true' } },
    h('div', { class: 'page-head' }, h('h1', null, h('a', { href: '#/' }, 'Cameras'), ' / ', id), state),
    facts,
    h('div', { class: 'range-controls', role: 'toolbar', 'aria-label': 'Time range' },
      presets.map(([name, length]) => button(name, () => moveTo(new Date(Date.now() - length), new Date(Date.now() + length / 60), true), `Show the last ${name.toLowerCase()}`)),
      button('◀', () => moveTo(new Date(from - span() / 2), new Date(to - span() / 2)), 'Earlier'),
      button('▶', () => moveTo(new Date(+from + span() / 2), new Date(+to + span() / 2)), 'Later'),
      button('+', () => moveTo(new Date(+from + span() / 4), new Date(to - span() / 4)), 'Zoom in'),
      button('−', () => moveTo(new Date(from - span() / 2), new Date(+to + span() / 2)), 'Zoom out'),
      button('Now', () => moveTo(new Date(Date.now() - span() + span() / 60), new Date(Date.now() + span() / 60), true), 'Move the range to now')),
    rangeText,
    loadError,
    timelineHost,
    plot.element,
    segmentsHolder,
    eventsPanel);
  container.append(view);
  const timeline = createSegmentTimeline({
    element: timelineHost, from, to, onSelect: showEvents, onLayout: (px) => plot.alignLeft(px),
    onRange: (start, end) => { followNow = false; load(start, end); },
  });

  async function load(start, end) {
    const token = ++loads;
    from = start;
    to = end;
    view.dataset.loading = 'true';
    replaceQuery({ from: from.toISOString(), to: to.toISOString() });
    plot.setRange(from, to);
    rangeText.replaceChildren('From ', timeElement(from), ' to ', timeElement(to));
    const range = { from: from.toISOString(), to: to.toISOString(), limit: 1000 };
    try {
      eventsMode = to - from <= 3 * hour;
      const [segments, gaps, events] = await Promise.all([
        allPages(`${cameraPath(id)}/segments`, range, { signal: stop.signal }),
        allPages('/history/gaps', { ...range, camera: id }, { signal: stop.signal }),
        eventsMode ? allPages('/history', { ...range, camera: id }, { max: 5000, signal: stop.signal }) : null,
      ]);
      if (token !== loads) {
        return;
      }
      timeline.show(segments.items, gaps.items);
      showPlot(segments.items, events?.items);
      segmentsHolder.replaceChildren(segmentTable(segments.items, showEvents));
      loadError.hidden = !segments.truncated;
      loadError.textContent = segments.truncated ? 'Only the first 20 000 segments are shown; zoom in to see the rest.' : '';
      Object.assign(view.dataset, { loading: 'false', loadedFrom: range.from, loadedTo: range.to, segments: String(segments.items.length) });
    } catch (error) {
      if (token === loads && !stop.signal.aborted) {
        loadError.textContent = `Could not load the history: ${error.message}`;
        loadError.hidden = false;
        view.dataset.loading = 'failed';
      }
    }
  }

  function showPlot(segments, events) {
    if (events) {
      const steps = events.slice(1).map((e, i) => (Date.parse(e.end) - Date.parse(events[i].end)) / 1000).sort((a, b) => a - b);
      breakSeconds = Math.max(5, 3 * (steps[Math.floor(steps.length / 2)] ?? 1));
      plot.show(events.map((e) => ({ time: Date.parse(e.end), value: e.confidence })), from, to, breakSeconds);
    } else {
      const points = segments.flatMap((s) => [{ time: Date.parse(s.start), value: s.meanConfidence }, { time: Date.parse(s.end), value: s.meanConfidence }]);
      plot.show(points.sort((a, b) => a.time - b.time), from, to, 60);
    }
  }

  async function showEvents(segment) {
    const who = segment.trackId ? `person ${segment.trackId}: ` : '';
    eventsPanel.replaceChildren(h('h2', null, `Events of ${who}${segment.label}, `, timeElement(segment.start, true), ' – ', timeElement(segment.end, true)), h('p', { class: 'muted' }, 'Loading…'));
    const end = new Date(Date.parse(segment.end) + 1).toISOString();
    try {
      const filters = { camera: id, label: segment.label, from: segment.start, to: end, limit: 1000, ...(segment.trackId ? { track: segment.trackId } : {}) };
      const page = await allPages('/history', filters, { max: 5000, signal: stop.signal });
      const events = page.items.filter((e) => e.sequence >= segment.firstSequence && e.sequence <= segment.lastSequence);
      eventsPanel.dataset.segment = String(segment.firstSequence);
      eventsPanel.lastChild.replaceWith(table(`${events.length} events`, [
        { title: 'Time', cell: (e) => timeElement(e.end) },
        { title: 'Sequence', class: 'number', cell: (e) => String(e.sequence) },
        { title: 'Label', cell: (e) => e.label },
        { title: 'Confidence', class: 'number', cell: (e) => percent(e.confidence) },
        { title: 'Silo', cell: (e) => e.silo },
      ], events));
    } catch (error) {
      eventsPanel.lastChild.replaceWith(h('p', { class: 'error-line', role: 'alert' }, error.message));
    }
  }

  // Live events change the page only while the range reaches now, and only inside the range, so the
  // page keeps showing exactly what the history holds for it.
  const inRange = (time) => Date.parse(time) < to.getTime();
  const unsubscribe = live.subscribe((name, event) => {
    if (event.cameraId !== id || to.getTime() < Date.now() || view.dataset.loading !== 'false') {
      return;
    }
    if ((name === 'segment-start' || name === 'segment-end') && event.segment && inRange(event.segment.start)) {
      timeline.upsert(event.segment);
      segmentsHolder.replaceChildren(segmentTable(timeline.segments(), showEvents));
    } else if (name === 'label' && event.event && inRange(event.event.end)) {
      timeline.extend(event.event);
      if (eventsMode) {
        plot.append(Date.parse(event.event.end), event.event.confidence, breakSeconds);
      }
    } else if (name === 'gap' && event.gap && inRange(event.gap.start)) {
      timeline.addGap(event.gap);
    }
  });

  every(5000, stop.signal, async () => {
    if (followNow && Date.now() > to - span() / 120) {
      // Keep "the last hour" the last hour: slide the window; live events fill in what is new.
      const length = span();
      to = new Date(Date.now() + length / 60);
      from = new Date(to - length);
      timeline.setWindow(from, to);
      plot.setRange(from, to);
      replaceQuery({ from: from.toISOString(), to: to.toISOString() });
    }
    await showCamera();
  });

  async function showCamera() {
    try {
      const camera = await getJson(cameraPath(id), null, stop.signal);
      const shown = cameraState(camera);
      state.textContent = shown.text;
      state.dataset.state = shown.key;
      const status = camera.status ?? {};
      facts.replaceChildren(
        `${camera.source} · profile ${camera.profile ?? '—'} · `,
        camera.latest ? `${camera.latest.trackId ? `person ${camera.latest.trackId}: ` : ''}${camera.latest.label} ${percent(camera.latest.confidence)} · ` : '',
        camera.status?.plan?.persons ? `person mode (${camera.status.plan.persons.detector}), ${camera.tracks?.length ?? 0} in view · ` : '',
        status.inputFps ? `${status.inputFps.toFixed(1)} fps, ${status.frameWidth}×${status.frameHeight}` : 'no input yet',
        status.silo ? ` · on ${status.silo}` : '');
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) {
        state.textContent = 'not registered';
        facts.textContent = 'This camera is not registered; its history is still shown.';
      }
    }
  }

  load(from, to);
  return () => {
    stop.abort();
    unsubscribe();
    timeline.destroy();
    plot.destroy();
  };
}
