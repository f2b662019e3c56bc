/**
 * Build of the Excel add-in into dist/: functions.js + functions.json (metadata generated from the
 * JSDoc of src/functions/functions.ts), taskpane.html + taskpane.js (the page also hosts the custom
 * functions: shared runtime), the icons and the manifest.
 *
 *   npx webpack --mode production                 office.js from Microsoft's CDN (what Office requires)
 *   npx webpack --mode production --env offline   office.js served from dist/office-js/ (copied from
 *                                                 node_modules/@microsoft/office-js/dist): tests, no network
 *   npx webpack serve --mode development          https://localhost:3000 for `npm start`
 *
 * The rules core goes into the bundle; HyperFormula and exceljs (CLI only) must not: a test checks it.
 */
/* eslint-disable @typescript-eslint/no-require-imports */
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

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

module.exports = async (env = {}, argv = {}) => {
  const dev = argv.mode === "development";
  const offline = Boolean(env.offline);
  const officeJs = offline ? OFFICE_JS_LOCAL : OFFICE_JS_CDN;

  const copies = [
    { from: "assets/*.png", to: "assets/[name][ext]" },
    { from: "manifest.xml", to: "manifest.xml" },
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
    devtool: "source-map",
    entry: {
      functions: "./src/functions/functions.ts",
      taskpane: "./src/taskpane/taskpane.ts",
    },
    output: {
      path: path.resolve(__dirname, env.sortie || "dist"),
      filename: "[name].js",
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
        templateParameters: { officeJs },
      }),
      new OfficeJsPlugin(officeJs),
      new CopyWebpackPlugin({ patterns: copies }),
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
