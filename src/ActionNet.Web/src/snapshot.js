import { ApiError, cameraPath, send } from './api.js';
import { h } from './dom.js';
import { percent } from './time.js';

const svgNs = 'http://www.w3.org/2000/svg';

function svg(tag, attributes, ...children) {
  const element = document.createElementNS(svgNs, tag);
  for (const [name, value] of Object.entries(attributes)) {
    element.setAttribute(name, String(value));
  }
  element.append(...children);
  return element;
}

// A camera's latest frame (GET /cameras/{id}/snapshot.jpg). An <img src> cannot send the key, so the
// JPEG is fetched and shown through an object URL, which is revoked when the next frame replaces it.
// In person mode the tracked people are drawn over it: each one's box (source pixels, scaled with the
// frame) and a tag "person <track> · <label> <confidence>".
export function createSnapshot(cameraId) {
  const image = h('img', { alt: `Latest frame from camera ${cameraId}`, hidden: true });
  const empty = h('span', { class: 'snapshot-empty' }, 'No frame yet');
  const overlay = svg('svg', { class: 'snapshot-tracks', preserveAspectRatio: 'xMidYMid meet', 'aria-hidden': 'true' });
  const people = h('ul', { class: 'visually-hidden snapshot-people', 'aria-label': 'People in view' });
  const element = h('div', { class: 'snapshot', dataset: { state: 'waiting', tracks: '0' } }, image, overlay, empty, people);
  let url = null;

  async function refresh(signal) {
    try {
      const response = await send('GET', `${cameraPath(cameraId)}/snapshot.jpg`, { accept: 'image/jpeg', signal });
      const next = URL.createObjectURL(await response.blob());
      image.src = next;
      await image.decode();
      if (url) {
        URL.revokeObjectURL(url);
      }
      url = next;
      image.hidden = false;
      empty.hidden = true;
      element.dataset.state = 'loaded';
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) {
        image.hidden = true;
        empty.hidden = false;
        element.dataset.state = 'none';
      } else if (error.name !== 'AbortError') {
        element.dataset.state = 'error';
      }
    }
  }

  // tracks: the newest ActionEvent of each person in view (trackId, box [x1,y1,x2,y2], label, confidence).
  function setTracks(tracks, frameWidth, frameHeight) {
    const shown = frameWidth > 0 && frameHeight > 0 ? tracks.filter((t) => Array.isArray(t.box) && t.box.length === 4) : [];
    overlay.setAttribute('viewBox', `0 0 ${frameWidth || 1} ${frameHeight || 1}`);
    const stroke = Math.max(1, frameWidth / 240);
    const font = Math.max(8, frameWidth / 28);
    overlay.replaceChildren(...shown.map((t) => {
      const [x1, y1, x2, y2] = t.box;
      const tag = `${t.trackId} · ${t.label} ${percent(t.confidence)}`;
      const above = y1 - font * 0.35 > font;
      return svg('g', { class: 'track', 'data-track': t.trackId, 'data-label': t.label },
        svg('rect', { x: x1, y: y1, width: Math.max(1, x2 - x1), height: Math.max(1, y2 - y1), 'stroke-width': stroke }),
        svg('text', { x: x1, y: above ? y1 - font * 0.35 : y2 + font, 'font-size': font }, tag));
    }));
    people.replaceChildren(...shown.map((t) => h('li', null, `Person ${t.trackId}: ${t.label}, ${percent(t.confidence)}`)));
    element.dataset.tracks = String(shown.length);
  }

  function dispose() {
    if (url) {
      URL.revokeObjectURL(url);
    }
  }

  return { element, refresh, setTracks, dispose };
}
