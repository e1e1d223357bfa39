// static/campaign.schema.json accepts the default campaign and the bad-config
// table's base, and refuses every bad config it can express.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

const root = resolve(import.meta.dirname, "..", "..");
const read = (...path) => JSON.parse(readFileSync(join(root, ...path), "utf8"));
const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
addFormats(ajv);
const validate = ajv.compile(read("static", "campaign.schema.json"));
const table = read("tests", "bad-configs.json");

function mergePatch(target, patch) {
  if (patch === null || typeof patch !== "object" || Array.isArray(patch)) return patch;
  const out = target && typeof target === "object" && !Array.isArray(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key];
    else out[key] = mergePatch(out[key], value);
  }
  return out;
}

test("the default campaign is valid", () => {
  const ok = validate(read("crates", "core", "src", "config", "default_campaign.json"));
  assert.ok(ok, JSON.stringify(validate.errors, null, 2));
});

test("the table's base config is valid", () => {
  assert.ok(validate(table.base), JSON.stringify(validate.errors, null, 2));
});

for (const c of table.cases) {
  let config;
  try {
    config = c.raw !== undefined ? JSON.parse(c.raw) : mergePatch(table.base, c.patch);
  } catch {
    continue; // malformed JSON never reaches a schema
  }
  const expected = c.schema !== false;
  test(`${expected ? "refuses" : "cannot express"}: ${c.name}`, () => {
    assert.equal(validate(config), !expected, JSON.stringify(validate.errors));
  });
}
