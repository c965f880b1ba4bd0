// Who is signed in, read from GetCaller: their grants spelled role@tenants#nodes!permissions.
import { api } from './api.js';

export const ROLE_LABELS = {
  'platform-admin': '平台管理员',
  'tenant-admin': '单位党务管理员',
  'branch-secretary': '支部书记',
  verifier: '核查人',
  supervisor: '市级督导',
  auditor: '审计',
  'system-client': '外部系统',
};

function parseGrant(text) {
  const [withoutPermissions] = text.split('!');
  const [withoutNodes, nodes] = withoutPermissions.split('#');
  const [role, tenants] = withoutNodes.split('@');
  return { role, tenants: tenants === '*' ? null : tenants.split(','), nodes: nodes ? nodes.split(',') : null };
}

let current;

/** { subject, grants: [{ role, tenants, nodes }], tenant, has(role), nodesOf(tenant) }. */
export async function loadCaller() {
  const response = await api('/v1/access/caller');
  const grants = (response.grants ?? []).map(parseGrant);
  current = {
    subject: response.subject,
    tenant: response.defaultTenantId || grants.find((g) => g.tenants?.length === 1)?.tenants[0] || '',
    grants,
    has: (...roles) => grants.some((g) => roles.includes(g.role)),
    /** The branches a node-scoped grant names, or null when the caller reaches the whole tenant. */
    scopedNodes() {
      if (grants.some((g) => g.role !== 'branch-secretary' && g.role !== 'verifier')) return null;
      return [...new Set(grants.flatMap((g) => g.nodes ?? []))];
    },
  };
  return current;
}

export const caller = () => current;
