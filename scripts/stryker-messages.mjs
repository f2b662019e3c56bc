/**
 * A StrykerJS ignorer (stryker.config.mjs, `ignorers: ["messages"]`): the wording of French messages
 * and labels is not law, so mutating it measures nothing the law tests should catch. Skipped:
 * - template literals (every message is one: `L'apport initial (${euros(apport)}) …`);
 * - the values of `message`, `libelle`, `motif`, `avertissement` and of the message builders
 *   `conforme`, `nonConforme`, `manquant`, and assignments to `.message`;
 * - string literals that are prose (a space and at least 12 characters); citations ("1° b)"),
 *   statuses and field names are kept;
 * - the wording helpers libelleGenre, deGenre and dateFr.
 * Everything else — figures, comparisons, statuses, citations, field names, branches — is mutated.
 */
import { PluginKind, declareValuePlugin } from "@stryker-mutator/api/plugin";

const PROPRIETES = new Set(["message", "libelle", "motif", "avertissement", "conforme", "nonConforme", "manquant"]);
const FONCTIONS = new Set(["libelleGenre", "deGenre", "dateFr"]);

function nomDeCle(cle) {
  if (!cle) return undefined;
  if (cle.type === "Identifier") return cle.name;
  if (cle.type === "StringLiteral") return cle.value;
  return undefined;
}

export const strykerPlugins = [
  declareValuePlugin(PluginKind.Ignore, "messages", {
    shouldIgnore(path) {
      const n = path.node;
      if (n.type === "TemplateLiteral") return "Texte d'un message (formulation, pas la loi)";
      if ((n.type === "ObjectProperty" || n.type === "ObjectMethod") && PROPRIETES.has(nomDeCle(n.key))) return `Propriété ${nomDeCle(n.key)} : formulation`;
      if (n.type === "AssignmentExpression" && n.left.type === "MemberExpression" && nomDeCle(n.left.property) === "message") return "Message assigné : formulation";
      if (n.type === "StringLiteral" && /\s/.test(n.value) && n.value.length >= 12) return "Phrase française : formulation";
      if (n.type === "FunctionDeclaration" && FONCTIONS.has(n.id?.name)) return `${n.id.name} : formulation`;
      return undefined;
    },
  }),
];
