// Import boundaries between Alphintra packages (see docs/architecture.md).
// Each package exposes only src/index.ts; pure packages import no Node built-ins;
// layers may import only the packages listed for them; no cycles anywhere.
const PURE = ['core', 'indicators', 'engine', 'analytics', 'portfolio', 'optimize', 'ml'];

/** Packages each package may import (besides itself). */
const ALLOWED = {
  core: [],
  indicators: ['core'],
  engine: ['core', 'indicators'],
  analytics: ['core'],
  portfolio: ['core', 'engine', 'analytics'],
  optimize: ['core', 'indicators', 'engine', 'analytics'],
  ml: ['core', 'indicators'],
  data: ['core'],
  research: ['core', 'indicators', 'engine', 'analytics', 'optimize'],
  live: ['core', 'engine', 'indicators'],
  report: ['core', 'engine', 'analytics', 'portfolio', 'optimize'],
  server: [
    'core',
    'indicators',
    'engine',
    'analytics',
    'portfolio',
    'optimize',
    'research',
    'ml',
    'data',
    'live',
    'report',
  ],
  cli: [
    'core',
    'indicators',
    'engine',
    'analytics',
    'portfolio',
    'optimize',
    'research',
    'ml',
    'data',
    'live',
    'server',
    'report',
  ],
  web: [],
};

const ALL = Object.keys(ALLOWED);

const layerRules = ALL.map((pkg) => {
  const forbidden = ALL.filter((other) => other !== pkg && !ALLOWED[pkg].includes(other));
  return {
    name: `layer-${pkg}`,
    comment: `${pkg} may import only: ${ALLOWED[pkg].join(', ') || 'nothing'}`,
    severity: 'error',
    from: { path: `^packages/${pkg}/src` },
    to: { path: `^packages/(${forbidden.join('|')})/` },
  };
}).filter((rule) => !rule.to.path.endsWith('()/'));

module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-deep-imports',
      comment: 'another package is imported only through its src/index.ts',
      severity: 'error',
      from: { path: '^packages/([^/]+)/' },
      to: { path: '^packages/([^/]+)/src/.+', pathNot: ['^packages/$1/', '^packages/[^/]+/src/index\\.ts$'] },
    },
    {
      name: 'pure-no-node',
      comment: 'pure packages do no I/O',
      severity: 'error',
      from: { path: `^packages/(${PURE.join('|')})/src`, pathNot: ['\\.test\\.ts$', '/src/testing/'] },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'pure-no-npm',
      comment: 'pure packages depend on no third-party runtime code',
      severity: 'error',
      from: { path: `^packages/(${PURE.join('|')})/src`, pathNot: ['\\.test\\.ts$', '/src/testing/'] },
      to: {
        dependencyTypes: ['npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-no-pkg', 'npm-unknown'],
        pathNot: '^node_modules/(@alphintra)/',
      },
    },
    {
      name: 'no-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
    ...layerRules,
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|node_modules)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.test.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['alphintra-source', 'import', 'types', 'default'],
      extensions: ['.ts', '.js'],
    },
    combinedDependencies: true,
  },
};
