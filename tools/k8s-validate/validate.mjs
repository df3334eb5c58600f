#!/usr/bin/env node
// Validates Kubernetes manifests (multi-document YAML, e.g. `kubectl kustomize` output) against the Kubernetes API
// schemas of kubernetes-models: every object must have an apiVersion/kind that kubernetes-models knows and must
// pass its schema (types, required fields, unknown fields where the schema closes the object). Custom resources of
// the operators we depend on (CRD_GROUPS) are listed as "not schema-checked"; any other unknown kind fails.
// usage: node validate.mjs FILE... (or - for standard input); exit code 1 on any error.
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";

// custom resources whose CRDs come with the operators (Strimzi, CloudNativePG): not in kubernetes-models
const CRD_GROUPS = new Set(["kafka.strimzi.io", "postgresql.cnpg.io"]);

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("usage: validate.mjs FILE... (- for standard input)");
  process.exit(2);
}

let errors = 0;
let checked = 0;
const unchecked = [];

function fail(where, message) {
  errors++;
  console.error(`FAIL ${where}: ${message}`);
}

async function modelClass(apiVersion, kind) {
  const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : [null, apiVersion];
  const path = group ? `kubernetes-models/${group}/${version}` : `kubernetes-models/${version}`;
  let module;
  try {
    module = await import(path);
  } catch {
    return null;
  }
  const cls = module[kind];
  return typeof cls === "function" && typeof cls.prototype.validate === "function" ? cls : null;
}

for (const file of files) {
  const text = readFileSync(file === "-" ? 0 : file, "utf8");
  const docs = parseAllDocuments(text);
  let index = 0;
  for (const doc of docs) {
    index++;
    const at = `${file === "-" ? "<stdin>" : file}#${index}`;
    if (doc.errors.length > 0) {
      doc.errors.forEach((e) => fail(at, `YAML: ${e.message}`));
      continue;
    }
    const obj = doc.toJS();
    if (obj === null || obj === undefined) continue; // empty document
    if (typeof obj !== "object" || Array.isArray(obj)) {
      fail(at, "not a Kubernetes object");
      continue;
    }
    const { apiVersion, kind } = obj;
    const name = obj.metadata?.name ?? "?";
    const where = `${at} ${kind ?? "?"}/${name}`;
    if (typeof apiVersion !== "string" || typeof kind !== "string") {
      fail(where, "apiVersion and kind are required");
      continue;
    }
    const group = apiVersion.includes("/") ? apiVersion.split("/")[0] : "";
    if (CRD_GROUPS.has(group)) {
      if (typeof obj.metadata?.name !== "string") fail(where, "metadata.name is required");
      unchecked.push(`${apiVersion} ${kind}/${name}`);
      continue;
    }
    const cls = await modelClass(apiVersion, kind);
    if (!cls) {
      fail(where, `unknown apiVersion/kind ${apiVersion} ${kind} (not in kubernetes-models, not an allowed CRD)`);
      continue;
    }
    try {
      new cls(obj).validate();
      checked++;
    } catch (e) {
      const details = Array.isArray(e.errors)
        ? e.errors.map((x) => `${x.instancePath || "/"} ${x.message}${x.params ? " " + JSON.stringify(x.params) : ""}`).join("; ")
        : e.message;
      fail(where, details);
    }
  }
}

for (const u of unchecked) console.log(`not schema-checked (custom resource): ${u}`);
console.log(`${checked} objects valid, ${unchecked.length} custom resources not schema-checked, ${errors} errors`);
process.exit(errors > 0 ? 1 : 0);
