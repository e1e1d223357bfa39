// Rewrites every `for (key in object) body` of a classic script into
// `for (key in object) if (_cwInherited(object, key)); else body`, in place:
//   node xtask/js/guard-for-in.mjs FILE
// Why: a host page that adds enumerable properties to Object.prototype or
// Array.prototype (Prototype.js, MooTools, old portal utilities) makes every
// for-in loop of Leaflet 1.9.4 visit them too; `map.on({...})` then calls
// `_on("theirName", theirFunction)` and Leaflet stops with
// "this._events[t].push is not a function" (no map). The guard skips exactly
// those keys; `_cwInherited` is defined by the wrapper xtask/src/stamp.rs puts
// around the script. The `if (…); else body` form keeps a later `else` of the
// code around the loop bound where it was (no dangling else).
// Exits with 1 and a message naming the loop when its key is not a plain name
// or its object cannot be named again without side effects (the guard would
// not know what to test).
import { readFileSync, writeFileSync } from "node:fs";
import { parse } from "acorn";

const [file] = process.argv.slice(2);
const source = readFileSync(file, "utf8");
const ast = parse(source, { ecmaVersion: "latest", sourceType: "script" });

const insertions = [];
(function walk(node) {
  if (Array.isArray(node)) return node.forEach(walk);
  if (!node || typeof node.type !== "string") return;
  if (node.type === "ForInStatement") {
    const left = node.left.type === "VariableDeclaration" ? node.left.declarations[0].id : node.left;
    if (left.type !== "Identifier") {
      console.error(`${file}:${node.start}: a for-in loop whose key is a ${left.type}, not a name`);
      process.exit(1);
    }
    const object = objectText(node.right);
    if (object === null) {
      console.error(`${file}:${node.start}: a for-in loop over \`${source.slice(node.right.start, node.right.end)}\`, which the guard cannot name again without running it twice`);
      process.exit(1);
    }
    insertions.push({ at: node.body.start, text: `if(_cwInherited(${object},${left.name}));else ` });
  }
  for (const [field, value] of Object.entries(node)) {
    if (field !== "type" && value && typeof value === "object") walk(value);
  }
})(ast);

/** The text that names again, without side effects, the object a for-in loop
 *  walks: a name or a property path (`this._tiles`, `t[E]`), the target of an
 *  assignment (`i=arguments[n]`), the last of a sequence; null otherwise. */
function objectText(node) {
  switch (node.type) {
    case "Identifier":
    case "ThisExpression":
      return source.slice(node.start, node.end);
    case "MemberExpression": {
      const object = objectText(node.object);
      const property = node.computed ? objectText(node.property) ?? (node.property.type === "Literal" ? node.property.raw : null) : node.property.name;
      if (object === null || property === null) return null;
      return node.computed ? `${object}[${property}]` : `${object}.${property}`;
    }
    case "AssignmentExpression":
      return node.operator === "=" ? objectText(node.left) : null;
    case "SequenceExpression":
      return objectText(node.expressions[node.expressions.length - 1]);
    case "ParenthesizedExpression":
      return objectText(node.expression);
    default:
      return null;
  }
}

let out = source;
for (const { at, text } of insertions.sort((a, b) => b.at - a.at)) {
  out = out.slice(0, at) + text + out.slice(at);
}
writeFileSync(file, out);
console.log(`${file}: ${insertions.length} for-in loops guarded`);
