// Import rules checked by `pnpm lint` (dependency-cruiser): the arrows between the packages and
// apps of the repository, and the rooms inside @cibatch/ci-client. A violation fails the lint.
const NOT_TESTS = "\\.(test|test-d|fixture)\\.ts$";

/** The rooms of packages/ci-client/src, bottom first: a room may import only rooms below it. */
const CI = "^packages/ci-client/src/";
const ROOMS = [
  ["errors", `${CI}errors/`],
  ["endpoint", `${CI}endpoint\\.ts$`],
  ["credentials", `${CI}credentials/`],
  ["http", `${CI}http/`],
  ["core", `${CI}core\\.ts$`],
  ["operations", `${CI}operations/`],
  ["client", `${CI}client\\.ts$`],
  ["index", `${CI}index\\.ts$`],
];
/** Rooms on the same level that must not know each other. */
const SIBLINGS = [["endpoint", "credentials"]];

const roomRules = ROOMS.flatMap(([name, path], level) => {
  const above = ROOMS.slice(level + 1).map(([, upper]) => upper);
  const siblings = SIBLINGS.filter((pair) => pair.includes(name))
    .map((pair) => pair.find((other) => other !== name))
    .map((other) => ROOMS.find(([room]) => room === other)[1]);
  const forbidden = [...above, ...siblings];
  if (forbidden.length === 0) return [];
  return [
    {
      name: `ci-client-${name}-no-upward`,
      comment: `ci-client's ${name} room imports only the rooms below it (${
        ROOMS.slice(0, level)
          .map(([room]) => room)
          .join(", ") || "none"
      }).`,
      severity: "error",
      from: { path, pathNot: NOT_TESTS },
      to: { path: forbidden },
    },
  ];
});

module.exports = {
  forbidden: [
    {
      name: "no-circular",
      comment: "No import circles anywhere (a type-only import is erased at run time and closes none).",
      severity: "error",
      from: { pathNot: NOT_TESTS },
      to: {
        circular: true,
        pathNot: NOT_TESTS,
        dependencyTypesNot: ["type-only"],
        viaOnly: { dependencyTypesNot: ["type-only"] },
      },
    },
    {
      name: "signer-stands-alone",
      comment: "@cibatch/signer knows nothing of the other packages or the apps.",
      severity: "error",
      from: { path: "^packages/signer/" },
      to: { path: ["^(packages/(xml-model|ci-client|testing-fakes)|apps|bench)/", "^@cibatch/(?!signer)"] },
    },
    {
      name: "xml-model-stands-alone",
      comment: "@cibatch/xml-model knows nothing of the other packages or the apps.",
      severity: "error",
      from: { path: "^packages/xml-model/" },
      to: { path: ["^(packages/(signer|ci-client|testing-fakes)|apps|bench)/", "^@cibatch/(?!xml-model)"] },
    },
    {
      name: "ci-client-on-signer-and-xml-model",
      comment: "@cibatch/ci-client's code depends on the signer and xml-model only (its tests may use the fake).",
      severity: "error",
      from: { path: "^packages/ci-client/", pathNot: NOT_TESTS },
      to: { path: ["^(packages/testing-fakes|apps|bench)/", "^@cibatch/(testing-fakes|cli|docs|bench)"] },
    },
    {
      name: "testing-fakes-never-imports-ci-client",
      comment: "A fake that shared the client's code would agree with the client's bugs.",
      severity: "error",
      from: { path: "^packages/testing-fakes/" },
      to: { path: ["^(packages/ci-client|apps|bench)/", "^@cibatch/(ci-client|cli|docs|bench)"] },
    },
    {
      name: "packages-never-import-apps",
      comment: "Apps import packages, never the reverse.",
      severity: "error",
      from: { path: "^packages/" },
      to: { path: ["^(apps|bench)/", "^@cibatch/(cli|docs|bench)"] },
    },
    ...roomRules,
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "(^|/)(dist|coverage|node_modules)/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.check.json" },
    enhancedResolveOptions: {
      conditionNames: ["@cibatch/source", "node", "import", "default"],
      exportsFields: ["exports"],
      mainFields: ["module", "main", "types"],
      extensions: [".ts", ".js", ".mjs", ".cjs", ".json"],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
