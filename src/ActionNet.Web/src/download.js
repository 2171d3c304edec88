import { send } from './api.js';

// Downloads an API file (Content-Disposition attachment) with the key: fetched, then saved through an
// object URL, since a plain link cannot carry the Authorization header.
export async function downloadFile(path, query, fallbackName) {
  const response = await send('GET', path, { query, accept: '*/*' });
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const name = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition)?.[1] ?? fallbackName;
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = decodeURIComponent(name);
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
  return link.download;
}
