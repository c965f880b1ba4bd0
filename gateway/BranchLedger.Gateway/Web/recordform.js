// Placeholder while the page is being written.
import { el } from './format.js';
export function recordFormPage(view) { view.append(el('p', {}, '建设中')); }
