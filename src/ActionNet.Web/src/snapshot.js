import { ApiError, cameraPath, send } from './api.js';
import { h } from './dom.js';

// A camera's latest frame (GET /cameras/{id}/snapshot.jpg). An <img src> cannot send the key, so the
// JPEG is fetched and shown through an object URL, which is revoked when the next frame replaces it.
export function createSnapshot(cameraId) {
  const image = h('img', { alt: `Latest frame from camera ${cameraId}`, hidden: true });
  const empty = h('span', { class: 'snapshot-empty' }, 'No frame yet');
  const element = h('div', { class: 'snapshot', dataset: { state: 'waiting' } }, image, empty);
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

  function dispose() {
    if (url) {
      URL.revokeObjectURL(url);
    }
  }

  return { element, refresh, dispose };
}
