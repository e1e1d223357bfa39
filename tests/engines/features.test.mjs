// The WebAssembly features the release wasm uses, against the README's support
// table and the loader's check: the build must not use a feature that the
// check (and so the stated floor, Safari 15 / Chrome 96 / Firefox 79) misses.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { dist, root } from "../e2e/support/servers.mjs";

const wasmOpt = join(root, "node_modules", ".bin", "wasm-opt");
const wasmPath = join(dist, readdirSync(dist).find((f) => f.endsWith("_bg.wasm")));

/** The features in a module's `target_features` custom section, with their prefix. */
function targetFeatures(bytes) {
  const leb = (at) => {
    let value = 0, shift = 0, byte;
    do { byte = bytes[at++]; value |= (byte & 127) << shift; shift += 7; } while (byte & 128);
    return [value, at];
  };
  for (let at = 8; at < bytes.length;) {
    const id = bytes[at++];
    const [size, start] = leb(at);
    if (id === 0) {
      const [nameLength, nameAt] = leb(start);
      if (bytes.subarray(nameAt, nameAt + nameLength).toString() === "target_features") {
        let [count, p] = leb(nameAt + nameLength);
        const features = [];
        while (count--) {
          const prefix = String.fromCharCode(bytes[p++]);
          const [length, q] = leb(p);
          features.push(prefix + bytes.subarray(q, q + length).toString());
          p = q + length;
        }
        return features.sort();
      }
    }
    at = start + size;
  }
  return null;
}

// binaryen's names for the features that change what an engine must accept.
const FEATURES = ["bulk-memory", "multivalue", "nontrapping-float-to-int", "reference-types", "sign-ext"];

/** Which of FEATURES binaryen needs to validate `file` (ignoring its target_features section). */
function used(file) {
  const work = mkdtempSync(join(tmpdir(), "cw-features-"));
  const stripped = join(work, "stripped.wasm");
  execFileSync(wasmOpt, [file, "--all-features", "--strip-target-features", "-o", stripped], { stdio: "ignore" });
  const needed = FEATURES.filter((feature) => {
    const others = FEATURES.filter((f) => f !== feature).map((f) => `--enable-${f}`);
    try {
      execFileSync(wasmOpt, ["--mvp-features", ...others, stripped, "-o", join(work, "out.wasm")], { stdio: "ignore" });
      return false;
    } catch {
      return true;
    }
  });
  rmSync(work, { recursive: true, force: true });
  return needed;
}

test("the wasm declares the features of the README's floor, and no other", () => {
  assert.deepEqual(targetFeatures(readFileSync(wasmPath)), [
    "+bulk-memory", "+bulk-memory-opt", "+call-indirect-overlong", "+multivalue",
    "+mutable-globals", "+nontrapping-fptoint", "+reference-types", "+sign-ext",
  ]);
});

test("the loader's feature check uses every feature the wasm uses", () => {
  const inWasm = used(wasmPath);
  const loader = readFileSync(join(root, "static", "embed.js"), "utf8");
  const probe = new Uint8Array(Buffer.from(loader.match(/WASM_FEATURES = "([A-Za-z0-9+/=]+)"/)[1], "base64"));
  assert.equal(WebAssembly.validate(probe), true, "an engine with every feature accepts the probe");
  const work = mkdtempSync(join(tmpdir(), "cw-probe-"));
  writeFileSync(join(work, "probe.wasm"), probe);
  const inProbe = used(join(work, "probe.wasm"));
  rmSync(work, { recursive: true, force: true });
  console.log(`features the wasm uses: ${inWasm.join(", ")}; the loader's probe: ${inProbe.join(", ")}`);
  for (const feature of inWasm) assert.ok(inProbe.includes(feature), `the probe misses ${feature}`);
});
