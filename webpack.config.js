/**
 * Build of the Excel add-in into dist/: functions.js + functions.json (metadata generated from the
 * JSDoc of src/functions/functions.ts), taskpane.html + taskpane.js (the page also hosts the custom
 * functions: shared runtime), the icons and the manifest.
 *
 *   npx webpack --mode production                 office.js from Microsoft's CDN (what Office requires)
 *   npx webpack --mode production --env offline   office.js served from dist/office-js/ (copied from
 *                                                 node_modules/@microsoft/office-js/dist): tests, no network
 *   npx webpack serve --mode development          https://localhost:3000 for `npm start`
 *   npm run build -- --env url=https://h/          PRODUCTION: the manifest points at https://h/ (docs/deploiement.md)
 *
 * Without `url`, dist/manifest.xml is the development manifest (every URL on https://localhost:3000/,
 * display name "(développement)"). With it, scripts/manifeste.js writes the production manifest: every
 * URL at that https origin with `?v=<version>-<content hash>`, its own stable Id. A production build
 * never ships source maps in the site: they go to <sortie>-sourcemaps/ (kept for debugging, not hosted).
 * functions.json gets `allowErrorForDataTypeAny` (the metadata plugin has no JSDoc tag for it) and,
 * in production, its help links at the hosting origin; aide.html is docs/fonctions.md as a page.
 *
 * The rules core goes into the bundle; HyperFormula and exceljs (CLI only) must not: a test checks it.
 */
/* eslint-disable @typescript-eslint/no-require-imports */
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { createHash } = require("crypto");
const fs = require("fs");
const { Compilation, sources } = require("webpack");
const { manifesteProduction, verifierUrlProduction, versOrigine } = require("./scripts/manifeste");
const { pageAide } = require("./scripts/aide");
const PAQUET = require("./package.json");

const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const OFFICE_JS_LOCAL = "office-js/office.js";
const PORT = Number(process.env.npm_package_config_dev_server_port || 3000);

/** What office.js needs next to it to run in Excel: the host scripts and the French and English strings. */
const OFFICE_JS_FICHIERS = [
  "office.js", "custom-functions-runtime.js", "o15apptofilemappingtable.js", "es6-promise.js",
  "excel-*.js", "excelwebapp-*.js", "fr-fr/*.js", "en-us/*.js",
];

/**
 * The page's office.js: the CDN in a normal build, the local copy with --env offline. Works whatever
 * the task pane's template writes: a CDN <script> is rewritten, and a template without one gets it.
 */
class OfficeJsPlugin {
  constructor(url) {
    this.url = url;
  }
  apply(compiler) {
    compiler.hooks.compilation.tap("OfficeJsPlugin", (compilation) => {
      HtmlWebpackPlugin.getCompilationHooks(compilation).beforeEmit.tap("OfficeJsPlugin", (data) => {
        if (data.html.includes(OFFICE_JS_CDN)) {
          data.html = data.html.split(OFFICE_JS_CDN).join(this.url);
        } else if (!/office(\.debug)?\.js/.test(data.html)) {
          data.html = data.html.replace("</head>", `  <script src="${this.url}"></script>\n</head>`);
        }
        return data;
      });
    });
  }
}

/** What the version of the files is computed from: a change to any of them is a new URL for Office. */
const FICHIERS_VERSIONNES = ["functions.js", "functions.json", "taskpane.js", "taskpane.html", "aide.html", "ancien-navigateur.js"];

/**
 * The files made from other files once webpack has emitted the bundles: functions.json completed,
 * aide.html, then the manifest (development as is, or production for `origine`) with the version.
 */
class DeploiementPlugin {
  constructor(origine) {
    this.origine = origine;
  }
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("DeploiementPlugin", (compilation) => {
      compilation.hooks.processAssets.tap({ name: "DeploiementPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_REPORT }, () => {
        const meta = JSON.parse(compilation.getAsset("functions.json").source.source().toString());
        // Errors in a range argument reach the function (only parameters typed any / any[][]), which
        // keeps them in the row they belong to instead of Excel failing the whole call: property
        // `allowErrorForDataTypeAny` of learn.microsoft.com/office/dev/add-ins/excel/custom-functions-json.
        const complete = { allowErrorForDataTypeAny: true, ...meta };
        let json = JSON.stringify(complete, null, 2);
        if (this.origine) json = versOrigine(json, this.origine);
        compilation.updateAsset("functions.json", new sources.RawSource(json));
        compilation.emitAsset("aide.html", new sources.RawSource(pageAide(fs.readFileSync(path.join(__dirname, "docs/fonctions.md"), "utf8"), PAQUET.version)));

        const h = createHash("sha256");
        for (const f of FICHIERS_VERSIONNES) {
          const a = compilation.getAsset(f);
          if (a) h.update(f).update(a.source.source());
        }
        const version = `${PAQUET.version}-${h.digest("hex").slice(0, 10)}`;
        const xml = fs.readFileSync(path.join(__dirname, "manifest.xml"), "utf8");
        const manifeste = this.origine ? manifesteProduction(xml, { origine: this.origine, version }) : xml;
        compilation.emitAsset("manifest.xml", new sources.RawSource(manifeste));
        compilation.emitAsset("version.txt", new sources.RawSource(`${version}\n`));
      });
    });
  }
}

module.exports = async (env = {}, argv = {}) => {
  const dev = argv.mode === "development";
  const offline = Boolean(env.offline);
  const officeJs = offline ? OFFICE_JS_LOCAL : OFFICE_JS_CDN;
  // Checked first: a wrong hosting URL stops the build before anything is written.
  const origine = env.url ? verifierUrlProduction(env.url) : null;
  if (origine && dev) throw new Error("--env url=… construit la version de production : utilisez --mode production (npm run build).");
  const sortie = path.resolve(__dirname, env.sortie || "dist");

  const copies = [
    { from: "assets/*.png", to: "assets/[name][ext]" },
    // ES5, for old webviews: copied as written, never minimised nor transpiled (a test parses it as ES5).
    { from: "src/taskpane/ancien-navigateur.js", to: "ancien-navigateur.js", info: { minimized: true } },
    { from: "assets/aide.css", to: "aide.css" },
  ];
  if (offline) {
    for (const motif of OFFICE_JS_FICHIERS) {
      copies.push({
        from: motif,
        context: path.resolve(__dirname, "node_modules/@microsoft/office-js/dist"),
        to: "office-js/[path][name][ext]",
        globOptions: { ignore: ["**/*.debug.js"] },
        // Microsoft's files as shipped: not minimized again.
        info: { minimized: true },
      });
    }
  }

  const config = {
    mode: dev ? "development" : "production",
    target: "web",
    // Production: maps written apart (hidden: no sourceMappingURL in the bundles), never hosted.
    devtool: dev ? "source-map" : "hidden-source-map",
    entry: {
      functions: "./src/functions/functions.ts",
      taskpane: "./src/taskpane/taskpane.ts",
    },
    output: {
      path: sortie,
      filename: "[name].js",
      ...(dev ? {} : { sourceMapFilename: `${path.relative(sortie, `${sortie}-sourcemaps`)}/[file].map` }),
      clean: true,
    },
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              configFile: path.resolve(__dirname, "tsconfig.json"),
              // Types are checked by `npm run typecheck` (tsc --noEmit); the bundle only needs JavaScript.
              transpileOnly: true,
              compilerOptions: { module: "es2020", sourceMap: true },
            },
          },
        },
      ],
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: "./src/functions/functions.ts" }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        // Shared runtime: the custom functions run in the task pane's page.
        chunks: ["functions", "taskpane"],
        templateParameters: { officeJs, versionPaquet: PAQUET.version },
        // functions.js?<hash> and taskpane.js?<hash>: a new build is a new URL for Office's cache.
        hash: !dev,
      }),
      new OfficeJsPlugin(officeJs),
      new CopyWebpackPlugin({ patterns: copies }),
      new DeploiementPlugin(origine),
    ],
    // The rules core (decimal.js, zod) makes bundles larger than webpack's web default; they load once, locally.
    performance: { hints: false },
    devServer: {
      headers: { "Access-Control-Allow-Origin": "*" },
      port: PORT,
    },
  };

  if (env.WEBPACK_SERVE) {
    // Office only loads add-ins over https: trusted localhost certificates from office-addin-dev-certs.
    const devCerts = require("office-addin-dev-certs");
    const https = await devCerts.getHttpsServerOptions();
    config.devServer.server = { type: "https", options: { ca: https.ca, key: https.key, cert: https.cert } };
  }
  return config;
};
