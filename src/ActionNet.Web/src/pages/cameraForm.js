import { cameraPath, putJson } from '../api.js';
import { field, h } from '../dom.js';
import { cameraProblem, maxFpsCap, maxIdLength, maxStride, maxSubsample } from '../rules.js';

// The "Add camera" form (operators): PUT /cameras/{id}. Values are checked by the API's own rules first
// (same words); whatever else the API refuses is shown as its one-line problem detail.
export function createCameraForm({ onSaved, onCancel }) {
  const input = (props) => h('input', { autocomplete: 'off', ...props });
  const id = input({ name: 'id', required: true, maxlength: maxIdLength, spellcheck: 'false' });
  const source = input({ name: 'source', required: true, spellcheck: 'false' });
  const profile = input({ name: 'profile', required: true, spellcheck: 'false' });
  const stride = input({ name: 'stride', type: 'number', min: 1, max: maxStride, step: 1, inputmode: 'numeric' });
  const subsample = input({ name: 'subsample', type: 'number', min: 0, max: maxSubsample, step: 1, inputmode: 'numeric' });
  const fps = input({ name: 'fps', type: 'number', min: 0, max: maxFpsCap, step: 'any', inputmode: 'decimal' });
  const roi = input({ name: 'roi', spellcheck: 'false', placeholder: 'x,y,width,height' });
  const loop = input({ name: 'loop', type: 'checkbox' });
  const enabled = input({ name: 'enabled', type: 'checkbox', checked: true });
  const persons = input({ name: 'persons', type: 'checkbox' });
  const detector = input({ name: 'detector', spellcheck: 'false', placeholder: 'hog' });
  const error = h('p', { class: 'error-line', role: 'alert', hidden: true });
  const save = h('button', { type: 'submit', class: 'primary' }, 'Register camera');
  const form = h('form', { class: 'camera-form', id: 'add-camera', novalidate: true, 'aria-labelledby': 'add-camera-title' },
    h('h2', { id: 'add-camera-title' }, 'Add a camera'),
    h('div', { class: 'form-grid' },
      field('Camera id', id, `1 to ${maxIdLength} characters of a-z, 0-9 and '-'`),
      field('Source', source, 'An absolute path to a video on the silos, or an rtsp://, rtsps://, http:// or https:// URL'),
      field('Model profile', profile, 'A model profile configured on the silos'),
      field('Stride', stride, `Frames between windows, 1 to ${maxStride} (empty: the profile's)`),
      field('Subsample', subsample, `Frames skipped after each kept one, 0 to ${maxSubsample}`),
      field('Fps cap', fps, `Most frames read per second, up to ${maxFpsCap}`),
      field('Region of interest', roi, 'x,y,width,height in source pixels; empty: the whole frame'),
      field('Loop the video file', loop),
      field('Start enabled', enabled),
      field('Label each person (person mode)', persons),
      field('Detector profile', detector, 'For person mode: a detector profile on the silos; empty: hog, built in')),
    error,
    h('div', { class: 'form-actions' }, save, h('button', { type: 'button', onclick: onCancel }, 'Cancel')));

  const number = (control) => (control.value === '' ? undefined : Number(control.value));

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const cameraId = id.value.trim();
    const body = {
      source: source.value.trim(),
      profile: profile.value.trim() || undefined,
      stride: number(stride),
      subsample: number(subsample),
      fps: number(fps),
      roi: roi.value.trim() || undefined,
      loop: loop.checked,
      enabled: enabled.checked,
      persons: persons.checked,
      detector: detector.value.trim() || undefined,
    };
    const problem = cameraProblem(cameraId, body);
    if (problem) {
      showError(problem);
      return;
    }
    save.disabled = true;
    try {
      const view = await putJson(cameraPath(cameraId), body);
      error.hidden = true;
      form.reset();
      onSaved(view);
    } catch (e) {
      showError(e.message);
    } finally {
      save.disabled = false;
    }
  });

  function showError(message) {
    error.textContent = message;
    error.hidden = false;
  }

  return { element: form, focus: () => id.focus() };
}
