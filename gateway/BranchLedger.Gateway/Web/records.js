// Placeholder while the page is being written.
import { el } from './format.js';
export function recordsPage(view) { view.append(el('p', {}, '建设中')); }
export function recordPage(view) { view.append(el('p', {}, '建设中')); }
