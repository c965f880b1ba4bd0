// The pages of the web app and who is offered which. One table: the router (app.js) and the menu read it.
import { rankingPage } from './ranking.js';
import { branchPage } from './branch.js';
import { comparePage } from './compare.js';
import { overviewPage } from './overview.js';
import { branchHomePage, chooseBranchPage } from './home.js';
import { recordFormPage } from './recordform.js';
import { recordsPage, recordPage } from './records.js';
import { workPage } from './work.js';
import { matrixPage } from './matrix.js';
import { reviewPage } from './review.js';
import { reportsPage } from './reports.js';
import { directoryPage } from './directory.js';
import { accessPage } from './access.js';
import { templatesPage } from './templates.js';
import { caller } from './caller.js';

const offices = ['tenant-admin'];
const cityRoles = ['supervisor', 'auditor'];

/** The page a person lands on: their branch, their body's office, or the city ranking. */
export function homeOf(me) {
  if (me.has('branch-secretary', 'verifier') && !me.has(...offices)) return '#/home';
  if (me.has(...offices)) return '#/matrix';
  return '#/ranking';
}

export function menuFor(me) {
  const items = [];
  if (me.has('branch-secretary', 'verifier')) items.push(['#/home', '我的支部']);
  if (me.has(...offices)) {
    items.push(['#/matrix', '落实情况'], ['#/review', '审阅'], ['#/home', '各支部'], ['#/directory', '组织与名册'],
      ['#/access', '人员与授权'], ['#/reports', '报告与导入'], ['#/templates', '报告模板']);
  }
  if (me.has(...cityRoles)) items.push(['#/ranking', '全市排名'], ['#/overview', '概览']);
  return items;
}

// home: the secretary's branch (or a choice of branches); the others lead into the pages above.
function home(view, args, params) {
  const me = caller();
  const nodes = me.scopedNodes();
  if (args[0]) return branchHomePage(view, args[0], params);
  if (nodes?.length === 1) return branchHomePage(view, nodes[0], params);
  return chooseBranchPage(view, nodes);
}

export const routes = {
  home,
  new: (view, args, params) => recordFormPage(view, args[0], args[1], params),
  records: (view, args, params) => (args[1] ? recordPage(view, args[0], args[1], params) : recordsPage(view, args[0], params)),
  tasks: (view, args, params) => workPage(view, args[0], params),
  matrix: (view, args, params) => matrixPage(view, params),
  review: (view, args, params) => reviewPage(view, params),
  directory: (view, args, params) => directoryPage(view, params),
  access: (view, args, params) => accessPage(view, params),
  reports: (view, args, params) => reportsPage(view, params),
  templates: (view) => templatesPage(view),
  ranking: (view, args, params) => rankingPage(view, params),
  branch: (view, args, params) => branchPage(view, args[0], args[1], params),
  compare: (view, args, params) => comparePage(view, params),
  overview: (view, args, params) => overviewPage(view, params),
};
