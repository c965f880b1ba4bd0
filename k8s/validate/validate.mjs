// Validates rendered Kubernetes manifests offline, without a cluster:
//  1. every object against the Kubernetes JSON schemas (kubernetes-models: types, required fields,
//     formats, enums);
//  2. no unknown fields (the schemas above let extra fields pass; a misspelt field such as
//     "readinesProbe" would otherwise be dropped silently by the API server) — checked against the
//     field lists of the Kubernetes API models (@kubernetes/client-node);
//  3. references inside the build that the API server does not check: selectors match pod labels,
//     services and probes name existing ports, autoscalers and ConfigMap references name existing objects.
//
// Usage: node validate.mjs LABEL FILE   (FILE: a multi-document YAML, e.g. `kubectl kustomize` output)
// Prints one line per object and a summary; exits 1 when anything is wrong.
// With --expect-failures, every object must be rejected for the reason in its annotation
// "validate.branchledger.io/expect" (the self-test in selftest/broken.yaml proves the checks bite).
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";
import * as apiModels from "@kubernetes/client-node/dist/gen/models/ObjectSerializer.js";

const expectFailures = process.argv.includes("--expect-failures");
const [label, file] = process.argv.slice(2).filter((a) => a !== "--expect-failures");
const ExpectAnnotation = "validate.branchledger.io/expect";
if (!label || !file) {
  console.error("usage: node validate.mjs LABEL FILE");
  process.exit(2);
}

const objects = [];
const parseErrors = [];
for (const doc of parseAllDocuments(readFileSync(file, "utf8"))) {
  if (doc.errors.length > 0) {
    parseErrors.push(...doc.errors.map((e) => e.message));
    continue;
  }
  const object = doc.toJS();
  if (object !== null && object !== undefined) {
    objects.push(object);
  }
}

const problems = new Map(objects.map((o) => [o, []]));
for (const object of objects) {
  const list = problems.get(object);
  list.push(...(await schemaProblems(object)));
  list.push(...unknownFields(object));
}
crossCheck(objects, problems);

if (expectFailures) {
  let missed = 0;
  for (const object of objects) {
    const expected = object.metadata?.annotations?.[ExpectAnnotation] ?? "";
    const hit = problems.get(object).find((p) => expected && p.includes(expected));
    console.log(`${hit ? "ok  " : "FAIL"} ${label}  ${describe(object)} ${hit ? `rejected: ${hit}` : `was not rejected for "${expected}"`}`);
    missed += hit ? 0 : 1;
  }
  console.log(`${label}: ${objects.length - missed} of ${objects.length} broken objects rejected`);
  process.exit(missed === 0 && objects.length > 0 ? 0 : 1);
}

let failed = parseErrors.length;
for (const message of parseErrors) {
  console.log(`FAIL ${label}  YAML: ${message}`);
}
for (const object of objects) {
  const list = problems.get(object);
  console.log(`${list.length === 0 ? "ok  " : "FAIL"} ${label}  ${describe(object)}`);
  for (const problem of list) {
    console.log(`       - ${problem}`);
  }
  if (list.length > 0) {
    failed++;
  }
}
console.log(`${label}: ${objects.length} objects, ${failed === 0 ? "all valid" : `${failed} invalid`}`);
process.exit(failed === 0 && objects.length > 0 ? 0 : 1);

function describe(o) {
  const ns = o?.metadata?.namespace ? `${o.metadata.namespace}/` : "";
  return `${o?.apiVersion}/${o?.kind} ${ns}${o?.metadata?.name}`;
}

// --- 1. schemas ------------------------------------------------------------------------------------

async function schemaProblems(object) {
  if (typeof object.apiVersion !== "string" || typeof object.kind !== "string") {
    return ["apiVersion and kind are required"];
  }
  let model;
  try {
    model = (await import(`kubernetes-models/${object.apiVersion}/${object.kind}`))[object.kind];
  } catch {
    return [`no schema for ${object.apiVersion} ${object.kind} (unknown or removed API)`];
  }
  try {
    new model(forSchema(object)).validate();
    return [];
  } catch (error) {
    const details = error.errors ?? [{ instancePath: "", message: error.message }];
    return details.map((e) => `schema: ${e.instancePath || "/"} ${e.message}${e.params?.allowedValues ? ` (${e.params.allowedValues.join(", ")})` : ""}`);
  }
}

// kustomize wraps long base64 values of Secrets over several lines, which the API server accepts
// (its decoder skips line breaks) but the schema's "byte" format does not.
function forSchema(object) {
  if (object.kind !== "Secret" || !object.data) {
    return object;
  }
  const data = Object.fromEntries(Object.entries(object.data).map(([k, v]) => [k, typeof v === "string" ? v.replace(/[\r\n]/g, "") : v]));
  return { ...object, data };
}

// --- 2. unknown fields -----------------------------------------------------------------------------

function unknownFields(object) {
  const version = String(object.apiVersion ?? "").split("/").pop();
  const type = `${version.charAt(0).toUpperCase()}${version.slice(1)}${object.kind}`;
  if (typeof apiModels[type]?.getAttributeTypeMap !== "function") {
    return [`no field list for ${object.apiVersion} ${object.kind}`];
  }
  const out = [];
  walk(object, type, "", out);
  return out;
}

function walk(value, type, path, out) {
  if (value === null || value === undefined) {
    return;
  }
  let match = /^Array<(.+)>$/.exec(type);
  if (match) {
    if (Array.isArray(value)) {
      value.forEach((item, i) => walk(item, match[1], `${path}[${i}]`, out));
    }
    return;
  }
  match = /^\{ \[key: string\]: (.+); \}$/.exec(type);
  if (match) {
    if (typeof value === "object") {
      for (const [key, item] of Object.entries(value)) {
        walk(item, match[1], `${path}.${key}`, out);
      }
    }
    return;
  }
  const model = apiModels[type];
  // Scalars, IntOrString, free-form objects: the schema check covers their types.
  if (typeof model?.getAttributeTypeMap !== "function" || typeof value !== "object" || Array.isArray(value)) {
    return;
  }
  const fields = new Map(model.getAttributeTypeMap().map((a) => [a.baseName, a.type]));
  for (const [key, item] of Object.entries(value)) {
    if (!fields.has(key)) {
      out.push(`unknown field ${path}.${key}`.replace(" .", " "));
    } else {
      walk(item, fields.get(key), `${path}.${key}`, out);
    }
  }
}

// --- 3. references inside the build -----------------------------------------------------------------

function crossCheck(all, problems) {
  const podTemplates = all
    .map((o) => ({ owner: o, template: podTemplateOf(o) }))
    .filter((p) => p.template);
  const pods = podTemplates.map((p) => ({ ...p, labels: p.template.metadata?.labels ?? {} }));
  const named = (kind, name) => all.find((o) => o.kind === kind && o.metadata?.name === name);
  const report = (o, message) => problems.get(o).push(message);

  for (const { owner, template } of podTemplates) {
    const selector = owner.spec?.selector;
    if (["Deployment", "StatefulSet", "ReplicaSet", "DaemonSet"].includes(owner.kind)
        && selector && !matches(selector, template.metadata?.labels ?? {})) {
      report(owner, "spec.selector does not match the pod template's labels");
    }
    const containers = [...(template.spec?.initContainers ?? []), ...(template.spec?.containers ?? [])];
    for (const c of containers) {
      const ports = c.ports ?? [];
      for (const probeName of ["startupProbe", "readinessProbe", "livenessProbe"]) {
        const probe = c[probeName];
        const port = probe?.httpGet?.port ?? probe?.tcpSocket?.port ?? probe?.grpc?.port;
        if (port !== undefined && !ports.some((p) => p.name === port || p.containerPort === port)) {
          report(owner, `container ${c.name}: ${probeName} port ${port} is not one of its ports`);
        }
      }
      const configMaps = [
        ...(c.envFrom ?? []).map((e) => e.configMapRef).filter(Boolean),
        ...(c.env ?? []).map((e) => e.valueFrom?.configMapKeyRef).filter(Boolean),
      ];
      for (const ref of configMaps) {
        const map = named("ConfigMap", ref.name);
        if (!ref.optional && (!map || (ref.key && !(ref.key in (map.data ?? {}))))) {
          report(owner, `container ${c.name}: ConfigMap ${ref.name}${ref.key ? ` key ${ref.key}` : ""} is not in this build`);
        }
      }
    }
  }

  for (const o of all) {
    if (o.kind === "Service" && o.spec?.selector) {
      const selected = pods.filter((p) => matchesLabels(o.spec.selector, p.labels));
      if (selected.length === 0) {
        report(o, "spec.selector matches no pod template in this build");
      }
      for (const port of o.spec.ports ?? []) {
        const target = port.targetPort ?? port.port;
        const found = selected.some((p) => (p.template.spec?.containers ?? [])
          .some((c) => (c.ports ?? []).some((cp) => cp.name === target || cp.containerPort === target)));
        if (selected.length > 0 && !found) {
          report(o, `port ${port.name ?? port.port}: targetPort ${target} is not a port of the selected pods`);
        }
      }
    }
    if (o.kind === "PodDisruptionBudget" && !pods.some((p) => matches(o.spec?.selector ?? {}, p.labels))) {
      report(o, "spec.selector matches no pod template in this build");
    }
    if (o.kind === "HorizontalPodAutoscaler") {
      const target = o.spec?.scaleTargetRef ?? {};
      if (!all.some((t) => t.kind === target.kind && t.metadata?.name === target.name)) {
        report(o, `scaleTargetRef ${target.kind}/${target.name} is not in this build`);
      }
    }
    if (o.kind === "NetworkPolicy") {
      const selectors = [o.spec?.podSelector];
      for (const rule of [...(o.spec?.ingress ?? []), ...(o.spec?.egress ?? [])]) {
        for (const peer of [...(rule.from ?? []), ...(rule.to ?? [])]) {
          if (peer.podSelector && !peer.namespaceSelector) {
            selectors.push(peer.podSelector);
          }
        }
      }
      for (const selector of selectors) {
        const empty = !selector || (Object.keys(selector.matchLabels ?? {}).length === 0 && (selector.matchExpressions ?? []).length === 0);
        if (!empty && !pods.some((p) => matches(selector, p.labels))) {
          report(o, `podSelector ${JSON.stringify(selector)} matches no pod template in this build`);
        }
      }
    }
  }
}

function podTemplateOf(o) {
  if (o.kind === "CronJob") {
    return o.spec?.jobTemplate?.spec?.template;
  }
  return ["Deployment", "StatefulSet", "ReplicaSet", "DaemonSet", "Job"].includes(o.kind) ? o.spec?.template : undefined;
}

function matchesLabels(wanted, labels) {
  return Object.entries(wanted ?? {}).every(([k, v]) => labels[k] === v);
}

function matches(selector, labels) {
  if (!matchesLabels(selector.matchLabels, labels)) {
    return false;
  }
  return (selector.matchExpressions ?? []).every(({ key, operator, values = [] }) => {
    switch (operator) {
      case "In": return key in labels && values.includes(labels[key]);
      case "NotIn": return !(key in labels) || !values.includes(labels[key]);
      case "Exists": return key in labels;
      case "DoesNotExist": return !(key in labels);
      default: return false;
    }
  });
}
