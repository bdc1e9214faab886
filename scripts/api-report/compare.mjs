// Compares two API reports and says which differences break the people who install the package.
//
// The rules, deliberately simple and conservative:
// - an export, a member of an exported interface/class, or an overload that disappears is breaking;
// - a kind that changes (function → const, class → type-only class) is breaking;
// - a new export, member or overload is an addition (a minor bump), as is a function or method that gains
//   trailing optional parameters, or a union (type alias, property, const) that gains constituents;
// - any other change of a declaration's text is breaking: the tool cannot prove it compatible.
import ts from "typescript";
import { compareNames } from "./extract.mjs";

/**
 * @typedef {import("./report-format.mjs").ReportExport} ReportExport
 * @typedef {import("./report-format.mjs").ApiReport} ApiReport
 */

/**
 * One difference between two reports.
 *
 * @typedef {object} ApiChange
 * @property {string} path `name`, `name.member`, or `./subpath:name` for entry points other than `.`
 * @property {"added" | "removed" | "changed"} change
 * @property {boolean} breaking
 * @property {string} detail what changed, for people
 */

/** @typedef {"none" | "patch" | "minor" | "major"} Bump */

/** @type {readonly Bump[]} */
export const BUMPS = ["none", "patch", "minor", "major"];

/**
 * @param {string} text
 * @returns {string}
 */
function normalize(text) {
  return text
    .replace(/\s+/g, " ")
    .replace(/\s*;\s*$/, "")
    .trim();
}

/**
 * @param {string} text
 * @returns {{ node: ts.Statement | undefined, source: ts.SourceFile }}
 */
function parseDeclaration(text) {
  const source = ts.createSourceFile("api.d.ts", text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  return { node: source.statements[0], source };
}

/**
 * @param {ts.Node | undefined} node
 * @param {ts.SourceFile} source
 * @returns {string}
 */
function textOf(node, source) {
  return node === undefined ? "" : normalize(node.getText(source));
}

/**
 * @param {ts.NodeArray<ts.Node> | undefined} nodes
 * @param {ts.SourceFile} source
 * @returns {string}
 */
function listText(nodes, source) {
  return (nodes ?? []).map((node) => textOf(node, source)).join(", ");
}

/**
 * @param {ts.Node} node
 * @param {ts.SourceFile} source
 * @returns {string}
 */
function modifiersText(node, source) {
  const modifiers = ts.canHaveModifiers(node) ? (ts.getModifiers(node) ?? []) : [];
  return modifiers.map((modifier) => textOf(modifier, source)).join(" ");
}

/**
 * @param {ts.Node} node
 * @param {ts.SourceFile} source
 * @returns {string}
 */
function questionText(node, source) {
  return "questionToken" in node && node.questionToken !== undefined
    ? textOf(/** @type {ts.Node} */ (node.questionToken), source)
    : "";
}

/**
 * @param {ts.Node} node
 * @returns {node is ts.SignatureDeclaration}
 */
function isFunctionLike(node) {
  return (
    ts.isFunctionDeclaration(node) ||
    ts.isMethodSignature(node) ||
    ts.isMethodDeclaration(node) ||
    ts.isConstructorDeclaration(node) ||
    ts.isCallSignatureDeclaration(node) ||
    ts.isConstructSignatureDeclaration(node)
  );
}

/**
 * The declared type of a type alias, property or variable statement, if it has one.
 *
 * @param {ts.Node} node
 * @returns {ts.TypeNode | undefined}
 */
function declaredType(node) {
  if (ts.isTypeAliasDeclaration(node) || ts.isPropertySignature(node) || ts.isPropertyDeclaration(node)) {
    return node.type;
  }
  if (ts.isVariableStatement(node)) return node.declarationList.declarations[0]?.type;
  return undefined;
}

/**
 * @param {ts.TypeNode} type
 * @param {ts.SourceFile} source
 * @returns {string[]}
 */
function unionMembers(type, source) {
  let inner = type;
  while (ts.isParenthesizedTypeNode(inner)) inner = inner.type;
  if (ts.isUnionTypeNode(inner)) return inner.types.map((member) => textOf(member, source));
  return [textOf(inner, source)];
}

/**
 * Whether `after` can replace `before` without breaking a caller, and how.
 *
 * @param {ts.Node} before
 * @param {ts.SourceFile} beforeSource
 * @param {ts.Node} after
 * @param {ts.SourceFile} afterSource
 * @returns {string | undefined} the compatible change, or undefined when it may break
 */
function compatibleChange(before, beforeSource, after, afterSource) {
  if (before.kind !== after.kind) return undefined;
  if (isFunctionLike(before) && isFunctionLike(after)) {
    const same =
      textOf(before.name, beforeSource) === textOf(after.name, afterSource) &&
      modifiersText(before, beforeSource) === modifiersText(after, afterSource) &&
      listText(before.typeParameters, beforeSource) === listText(after.typeParameters, afterSource) &&
      textOf(before.type, beforeSource) === textOf(after.type, afterSource) &&
      questionText(before, beforeSource) === questionText(after, afterSource);
    if (!same || after.parameters.length <= before.parameters.length) return undefined;
    for (const [index, parameter] of before.parameters.entries()) {
      const next = after.parameters[index];
      if (next === undefined || textOf(parameter, beforeSource) !== textOf(next, afterSource)) return undefined;
    }
    const added = after.parameters.slice(before.parameters.length);
    const optional = added.every((p) => p.questionToken !== undefined || p.initializer || p.dotDotDotToken);
    if (!optional) return undefined;
    return `optional parameter added: ${added.map((p) => `\`${textOf(p, afterSource)}\``).join(", ")}`;
  }
  const beforeType = declaredType(before);
  const afterType = declaredType(after);
  if (beforeType === undefined || afterType === undefined) return undefined;
  const outside = (/** @type {ts.Node} */ node, /** @type {ts.TypeNode} */ type, /** @type {ts.SourceFile} */ source) =>
    `${normalize(source.text.slice(node.getStart(source), type.getStart(source)))}|${normalize(source.text.slice(type.getEnd(), node.getEnd()))}`;
  if (outside(before, beforeType, beforeSource) !== outside(after, afterType, afterSource)) return undefined;
  const old = unionMembers(beforeType, beforeSource);
  const next = new Set(unionMembers(afterType, afterSource));
  if (!old.every((member) => next.has(member))) return undefined;
  const gained = [...next].filter((member) => !old.includes(member));
  if (gained.length === 0) return undefined;
  return `union widened with ${gained.map((member) => `\`${member}\``).join(" | ")}`;
}

/**
 * @param {ts.ClassElement | ts.TypeElement} member
 * @param {ts.SourceFile} source
 * @returns {string}
 */
function memberKey(member, source) {
  if (ts.isConstructorDeclaration(member)) return "constructor";
  if (ts.isCallSignatureDeclaration(member)) return "(call)";
  if (ts.isConstructSignatureDeclaration(member)) return "(new)";
  if (ts.isIndexSignatureDeclaration(member)) {
    return `[${member.parameters.map((p) => textOf(p.type, source)).join(", ")}]`;
  }
  const isStatic = modifiersText(member, source).split(" ").includes("static");
  const name = member.name === undefined ? textOf(member, source) : textOf(member.name, source);
  return `${isStatic ? "static " : ""}${name}`;
}

/**
 * @param {ts.InterfaceDeclaration | ts.ClassDeclaration} node
 * @param {ts.SourceFile} source
 * @returns {{ header: string, members: Map<string, ts.Node[]> }}
 */
function shapeOf(node, source) {
  const header = normalize(source.text.slice(node.getStart(source), node.members.pos));
  /** @type {Map<string, ts.Node[]>} */
  const members = new Map();
  for (const member of node.members) {
    const key = memberKey(member, source);
    members.set(key, [...(members.get(key) ?? []), member]);
  }
  return { header, members };
}

/**
 * @param {ts.Node} node
 * @returns {node is ts.InterfaceDeclaration | ts.ClassDeclaration}
 */
function hasMembers(node) {
  return ts.isInterfaceDeclaration(node) || ts.isClassDeclaration(node);
}

/**
 * @param {ts.Node} node
 * @returns {boolean}
 */
function isRequiredMember(node) {
  return (ts.isPropertySignature(node) || ts.isMethodSignature(node)) && node.questionToken === undefined;
}

/**
 * Compares two sets of same-named declarations (overloads, accessor pairs, merged declarations).
 *
 * @param {string} path
 * @param {ts.Node[]} before
 * @param {ts.SourceFile[]} beforeSources
 * @param {ts.Node[]} after
 * @param {ts.SourceFile[]} afterSources
 * @returns {ApiChange[]}
 */
function compareNodes(path, before, beforeSources, after, afterSources) {
  const sourceAt = (/** @type {ts.SourceFile[]} */ sources, /** @type {number} */ i) =>
    /** @type {ts.SourceFile} */ (sources[i] ?? sources[0]);
  const beforeTexts = before.map((node, i) => textOf(node, sourceAt(beforeSources, i)));
  const afterTexts = after.map((node, i) => textOf(node, sourceAt(afterSources, i)));
  if (beforeTexts.join("\n") === afterTexts.join("\n")) return [];
  if (before.length !== after.length) {
    const kept = beforeTexts.every((text) => afterTexts.includes(text));
    if (kept && after.length > before.length) {
      return [{ path, change: "added", breaking: false, detail: `${after.length - before.length} overload(s) added` }];
    }
    return [
      { path, change: "changed", breaking: true, detail: `declarations changed: ${describe(beforeTexts, afterTexts)}` },
    ];
  }
  /** @type {ApiChange[]} */
  const changes = [];
  for (const [index, node] of before.entries()) {
    const next = after[index];
    const source = beforeSources[index] ?? beforeSources[0];
    const nextSource = afterSources[index] ?? afterSources[0];
    if (next === undefined || source === undefined || nextSource === undefined) continue;
    if (beforeTexts[index] === afterTexts[index]) continue;
    if (hasMembers(node) && hasMembers(next) && node.kind === next.kind) {
      changes.push(...compareShapes(path, node, source, next, nextSource));
      continue;
    }
    const compatible = compatibleChange(node, source, next, nextSource);
    changes.push(
      compatible === undefined
        ? {
            path,
            change: "changed",
            breaking: true,
            detail: describe([beforeTexts[index] ?? ""], [afterTexts[index] ?? ""]),
          }
        : { path, change: "changed", breaking: false, detail: compatible },
    );
  }
  return changes;
}

/**
 * @param {string} path
 * @param {ts.InterfaceDeclaration | ts.ClassDeclaration} before
 * @param {ts.SourceFile} beforeSource
 * @param {ts.InterfaceDeclaration | ts.ClassDeclaration} after
 * @param {ts.SourceFile} afterSource
 * @returns {ApiChange[]}
 */
function compareShapes(path, before, beforeSource, after, afterSource) {
  const old = shapeOf(before, beforeSource);
  const next = shapeOf(after, afterSource);
  /** @type {ApiChange[]} */
  const changes = [];
  if (old.header !== next.header) {
    changes.push({ path, change: "changed", breaking: true, detail: `\`${old.header}\` → \`${next.header}\`` });
  }
  const keys = [...new Set([...old.members.keys(), ...next.members.keys()])].sort(compareNames);
  for (const key of keys) {
    const memberPath = `${path}.${key}`;
    const was = old.members.get(key);
    const now = next.members.get(key);
    if (now === undefined) {
      changes.push({ path: memberPath, change: "removed", breaking: true, detail: "member removed" });
    } else if (was === undefined) {
      const required = now.some(isRequiredMember) ? "required " : "";
      changes.push({ path: memberPath, change: "added", breaking: false, detail: `${required}member added` });
    } else {
      const sources = (/** @type {ts.SourceFile} */ s, /** @type {number} */ n) => Array.from({ length: n }, () => s);
      changes.push(
        ...compareNodes(memberPath, was, sources(beforeSource, was.length), now, sources(afterSource, now.length)),
      );
    }
  }
  return changes;
}

/**
 * @param {string[]} before
 * @param {string[]} after
 * @returns {string}
 */
function describe(before, after) {
  const clip = (/** @type {string} */ text) => (text.length > 160 ? `${text.slice(0, 157)}...` : text);
  return `\`${clip(before.join(" "))}\` → \`${clip(after.join(" "))}\``;
}

/**
 * @param {ReportExport} item
 * @returns {string}
 */
function exportPath(item) {
  return item.subpath === "." ? item.name : `${item.subpath}:${item.name}`;
}

const TYPE_ONLY = " (type-only)";

/**
 * @param {ReportExport} before
 * @param {ReportExport} after
 * @returns {ApiChange[]}
 */
function compareExport(before, after) {
  const path = exportPath(before);
  /** @type {ApiChange[]} */
  const changes = [];
  const oldKind = before.kind.replace(TYPE_ONLY, "");
  const newKind = after.kind.replace(TYPE_ONLY, "");
  if (oldKind !== newKind) {
    return [{ path, change: "changed", breaking: true, detail: `kind ${before.kind} → ${after.kind}` }];
  }
  if (before.kind !== after.kind) {
    const nowTypeOnly = after.kind.endsWith(TYPE_ONLY);
    changes.push({
      path,
      change: "changed",
      breaking: nowTypeOnly,
      detail: nowTypeOnly ? "now exported as a type only (`export type`)" : "now exported as a value too",
    });
  }
  const parse = (/** @type {string[]} */ texts) => texts.map(parseDeclaration);
  const was = parse(before.declarations);
  const now = parse(after.declarations);
  const nodes = (/** @type {ReturnType<typeof parse>} */ parsed) =>
    parsed.flatMap((p) => (p.node === undefined ? [] : [p.node]));
  const wasNodes = nodes(was);
  const nowNodes = nodes(now);
  if (wasNodes.length !== was.length || nowNodes.length !== now.length) {
    if (before.declarations.join("\n") !== after.declarations.join("\n")) {
      changes.push({
        path,
        change: "changed",
        breaking: true,
        detail: describe(before.declarations, after.declarations),
      });
    }
    return changes;
  }
  changes.push(
    ...compareNodes(
      path,
      wasNodes,
      was.map((p) => p.source),
      nowNodes,
      now.map((p) => p.source),
    ),
  );
  return changes;
}

/**
 * Lists every difference from `before` to `after`, sorted by path, each marked breaking or not.
 *
 * @param {Pick<ApiReport, "exports">} before
 * @param {Pick<ApiReport, "exports">} after
 * @returns {ApiChange[]}
 * @example
 * ```js
 * const changes = compareReports(parseReport(checkedIn), generated);
 * if (changes.some((c) => c.breaking)) console.log("needs a major changeset");
 * ```
 */
export function compareReports(before, after) {
  const key = (/** @type {ReportExport} */ item) => `${item.subpath}\u0000${item.name}`;
  const old = new Map(before.exports.map((item) => [key(item), item]));
  const next = new Map(after.exports.map((item) => [key(item), item]));
  /** @type {ApiChange[]} */
  const changes = [];
  for (const [id, item] of old) {
    const replacement = next.get(id);
    if (replacement === undefined) {
      changes.push({ path: exportPath(item), change: "removed", breaking: true, detail: `${item.kind} removed` });
    } else {
      changes.push(...compareExport(item, replacement));
    }
  }
  for (const [id, item] of next) {
    if (!old.has(id)) {
      changes.push({ path: exportPath(item), change: "added", breaking: false, detail: `${item.kind} added` });
    }
  }
  return changes.sort((a, b) => compareNames(a.path, b.path));
}

/**
 * The smallest version bump that covers a list of changes: `major` for any breaking change, `minor` for
 * additions and compatible changes, `none` when nothing changed.
 *
 * @param {readonly ApiChange[]} changes
 * @returns {Bump}
 */
export function requiredBump(changes) {
  if (changes.some((change) => change.breaking)) return "major";
  return changes.length > 0 ? "minor" : "none";
}

/**
 * @param {Bump} declared
 * @param {Bump} required
 * @returns {boolean}
 */
export function bumpCovers(declared, required) {
  return BUMPS.indexOf(declared) >= BUMPS.indexOf(required);
}

/**
 * One line per change, breaking ones marked.
 *
 * @param {readonly ApiChange[]} changes
 * @returns {string[]}
 */
export function formatChanges(changes) {
  return changes.map(
    (change) => `  ${change.breaking ? "BREAKING " : ""}${change.change} ${change.path}: ${change.detail}`,
  );
}
