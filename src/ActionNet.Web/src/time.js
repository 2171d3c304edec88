// Times show in the browser's time zone; hovering shows the same instant in UTC.
const dateTime = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' });
const clock = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });

export function utc(value) {
  return `${new Date(value).toISOString().replace('.000Z', 'Z')} UTC`;
}

// A <time> element: local text, ISO datetime, UTC in the tooltip.
export function timeElement(value, short = false) {
  const date = new Date(value);
  const element = document.createElement('time');
  element.dateTime = date.toISOString();
  element.title = utc(date);
  element.textContent = (short ? clock : dateTime).format(date);
  return element;
}

export function formatDuration(seconds) {
  if (seconds < 60) {
    return `${seconds.toFixed(seconds < 10 ? 1 : 0)} s`;
  }
  const minutes = Math.floor(seconds / 60);
  return minutes < 60 ? `${minutes} min ${Math.round(seconds % 60)} s` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

// <input type="datetime-local"> holds local time without a zone; these convert both ways.
export function toLocalInput(value) {
  const date = new Date(value);
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60000);
  return local.toISOString().slice(0, 19);
}

export function fromLocalInput(text) {
  return text ? new Date(text).toISOString() : null;
}

export function percent(value) {
  return `${Math.round(value * 100)}%`;
}
