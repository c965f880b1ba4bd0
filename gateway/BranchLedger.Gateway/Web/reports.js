// Placeholder while the page is being written.
import { el } from './format.js';
export function reportsPage(view) { view.append(el('p', {}, '建设中')); }
