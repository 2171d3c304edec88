// The camera input rules the API applies to PUT /cameras/{id} (CameraIds, CameraRequest,
// CameraInputRules), in the API's order and words, so the form refuses what the API would refuse and says
// it the same way. At the first check it cannot repeat exactly (a URL's scheme and host, a region, what
// only the cluster knows) it stops and lets the API answer; the API's line is then shown.
export const maxIdLength = 63;
export const maxSourceLength = 4096;
export const maxProfileLength = 64;
export const maxStride = 1000;
export const maxSubsample = 100;
export const maxFpsCap = 240;

const isControl = (c) => c.charCodeAt(0) <= 0x1f || (c.charCodeAt(0) >= 0x7f && c.charCodeAt(0) <= 0x9f);

// CameraInputRules.Quote: control characters as \u000A, cut at 120 characters.
export function quote(text) {
  if (text === null || text === undefined) {
    return '';
  }
  const cut = text.length > 120 ? text.slice(0, 120) : text;
  const shown = Array.from(cut, (c) => (isControl(c) ? `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}` : c)).join('');
  return text.length > 120 ? `${shown}...` : shown;
}

export function cameraIdProblem(id) {
  const valid = id.length > 0 && id.length <= maxIdLength && id[0] !== '-' && /^[a-z0-9-]+$/.test(id);
  return valid ? null : `camera id '${quote(id)}' is invalid: expected 1 to ${maxIdLength} characters of a-z, 0-9 and '-', starting with a letter or digit`;
}

function textProblem(what, text, maxLength) {
  if (!text || text.trim() === '') {
    return `the ${what} is empty`;
  }
  if (text.length > maxLength) {
    return `the ${what} is ${text.length} characters long; expected at most ${maxLength}`;
  }
  const control = Array.from(text).find(isControl);
  return control ? `the ${what} '${quote(text)}' holds a control character (U+${control.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}); expected printable characters only` : null;
}

function rangeProblem(what, value, min, max, unit) {
  return value !== null && (value < min || value > max) ? `${what} is ${value}; expected ${min} to ${max} ${unit}` : null;
}

function fpsProblem(cap) {
  return cap !== null && !(cap > 0 && cap <= maxFpsCap) ? `fps cap is ${cap}; expected more than 0 and at most ${maxFpsCap} frames per second` : null;
}

// A check's answer when the API must decide from there on.
const stop = Symbol('left to the API');

// The first problem with a camera form's values as the API would name it; null when none is certain.
export function cameraProblem(id, body) {
  const source = body.source ?? '';
  const checks = [
    () => cameraIdProblem(id),
    () => textProblem('source', source, maxSourceLength),
    () => (source.includes('://') ? stop : null),
    () => (source.startsWith('/') ? null : `source '${quote(source)}' is a relative path: expected a stream URL or an absolute path on the silos`),
    () => (!body.profile || body.profile.trim() === '' ? 'profile is missing: expected a model profile name configured on the silos' : null),
    () => (body.roi ? stop : null),
    () => textProblem('model profile', body.profile, maxProfileLength),
    () => rangeProblem('stride', body.stride ?? null, 1, maxStride, 'frames between windows'),
    () => rangeProblem('subsample', body.subsample ?? null, 0, maxSubsample, 'skipped frames'),
    () => fpsProblem(body.fps ?? null),
  ];
  for (const check of checks) {
    const problem = check();
    if (problem === stop) {
      return null;
    }
    if (problem) {
      return problem;
    }
  }
  return null;
}
