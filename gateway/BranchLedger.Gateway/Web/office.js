// Placeholder while the page is being written.
import { el } from './format.js';
export function matrixPage(view) { view.append(el('p', {}, '建设中')); }
export function reviewPage(view) { view.append(el('p', {}, '建设中')); }
export function directoryPage(view) { view.append(el('p', {}, '建设中')); }
export function accessPage(view) { view.append(el('p', {}, '建设中')); }
export function reportsPage(view) { view.append(el('p', {}, '建设中')); }
