// Placeholder while the page is being written.
import { el } from './format.js';
export function branchHomePage(view) { view.append(el('p', {}, '建设中')); }
export function chooseBranchPage(view) { view.append(el('p', {}, '建设中')); }
