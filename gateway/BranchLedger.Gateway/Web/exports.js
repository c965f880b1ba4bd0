// Export buttons: a download route fetched with the credential, its outcome shown beside the button.
import { download } from './api.js';
import { el } from './format.js';

/** A button that downloads what target() names ({ path, options }, read when clicked). */
export function exportButton(id, label, target) {
  const status = el('span', { class: 'muted', id: `${id}-status`, role: 'status' });
  const button = el('button', { type: 'button', id }, label);
  button.addEventListener('click', async () => {
    const { path, options } = target();
    button.disabled = true;
    status.className = 'muted';
    status.textContent = '正在生成…';
    try {
      status.textContent = `已下载：${await download(path, options)}`;
    } catch (error) {
      status.className = 'error';
      status.textContent = `导出失败：${error.message}`;
    } finally {
      button.disabled = false;
    }
  });
  return el('span', { class: 'export' }, button, status);
}
