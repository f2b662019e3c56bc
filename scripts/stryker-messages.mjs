/**
 * A StrykerJS ignorer (stryker.config.mjs, `ignorers: ["messages"]`): the wording of French messages
 * and labels is not law, so mutating it measures nothing the law tests should catch. Skipped:
 * - template literals (every message is one: `L'apport initial (${euros(apport)}) …`);
 * - the values of `message`, `libelle`, `motif`, `avertissement` and of the message builders
 *   `conforme`, `nonConforme`, `manquant`; assignments to `message` / `.message`, and a `case` or an
 *   `if` whose only effect is such an assignment (choosing which sentence to write);
 * - string literals that are prose (a space and at least 12 characters) or a capitalised label
 *   ("Genre", "Création"), and the separator given to `.join(…)`; codes ("A1", "D"), citations
 *   ("1° b)"), statuses and field names are kept;
 * - the message fragments `detailCas`, `detail`, `lecture`, `laBase`, `manque`, `duree`, `horaire`,
 *   `parH`, `fin`, `groupe`, `convention`, `debut`, `pour`, `nonCompte`, `message`, and the wording
 *   helpers libelleGenre, deGenre, dateFr, finDePrises, libelleBase, messageA1, messageC4;
 * - a function that only writes a text (`() => \`…\``, `() => (ok ? \`…\` : \`…\`)`): since issue 15
 *   a condition's message is such a function, called when the message is first read.
 * Everything else — figures, comparisons, statuses, citations, field names, branches, the presence
 * of a warning — is mutated.
 */
import { PluginKind, declareValuePlugin } from "@stryker-mutator/api/plugin";

const PROPRIETES = new Set(["message", "libelle", "motif", "avertissement", "conforme", "nonConforme", "manquant"]);
const FONCTIONS = new Set(["libelleGenre", "deGenre", "dateFr", "finDePrises", "libelleBase", "messageA1", "messageC4"]);
const FRAGMENTS = new Set(["detailCas", "detail", "lecture", "laBase", "manque", "duree", "horaire", "parH", "fin", "groupe", "convention", "debut", "pour", "nonCompte", "message"]);

/** An expression that is only text: a template, a string, a choice between texts, texts joined by +. */
function seulementTexte(n) {
  if (!n) return false;
  if (n.type === "TemplateLiteral" || n.type === "StringLiteral") return true;
  if (n.type === "ParenthesizedExpression") return seulementTexte(n.expression);
  if (n.type === "ConditionalExpression") return seulementTexte(n.consequent) && seulementTexte(n.alternate);
  if (n.type === "BinaryExpression" && n.operator === "+") return seulementTexte(n.left) && seulementTexte(n.right);
  return false;
}

function nomDeCle(cle) {
  if (!cle) return undefined;
  if (cle.type === "Identifier") return cle.name;
  if (cle.type === "StringLiteral") return cle.value;
  return undefined;
}

/** `message = …` or `x.message = …`. */
function assigneMessage(n) {
  if (n?.type !== "AssignmentExpression") return false;
  return (n.left.type === "Identifier" && n.left.name === "message") || (n.left.type === "MemberExpression" && nomDeCle(n.left.property) === "message");
}

/** Statements that only write a message (and break). */
function seulementMessages(instructions) {
  return instructions.length > 0 && instructions.every((s) =>
    s.type === "BreakStatement"
    || (s.type === "ExpressionStatement" && assigneMessage(s.expression))
    || (s.type === "BlockStatement" && seulementMessages(s.body))
    || (s.type === "IfStatement" && seulementMessages([s.consequent]) && (!s.alternate || seulementMessages([s.alternate]))));
}

export const strykerPlugins = [
  declareValuePlugin(PluginKind.Ignore, "messages", {
    shouldIgnore(path) {
      const n = path.node;
      if (n.type === "TemplateLiteral") return "Texte d'un message (formulation, pas la loi)";
      if ((n.type === "ObjectProperty" || n.type === "ObjectMethod") && PROPRIETES.has(nomDeCle(n.key))) return `Propriété ${nomDeCle(n.key)} : formulation`;
      if (assigneMessage(n)) return "Message assigné : formulation";
      if (n.type === "SwitchCase" && seulementMessages(n.consequent)) return "Choix de la phrase du message : formulation";
      if (n.type === "IfStatement" && seulementMessages([n])) return "Choix de la phrase du message : formulation";
      if (n.type === "StringLiteral" && /\s/.test(n.value) && n.value.length >= 12) return "Phrase française : formulation";
      if (n.type === "StringLiteral" && /^[A-ZÉÈÀÇ][a-zéèêàçôûîï]{2}/.test(n.value)) return "Libellé : formulation";
      if (n.type === "StringLiteral" && path.parentPath?.node.type === "CallExpression" && path.parentPath.node.callee.type === "MemberExpression" && nomDeCle(path.parentPath.node.callee.property) === "join") return "Séparateur d'un texte : formulation";
      if (n.type === "VariableDeclarator" && FRAGMENTS.has(n.id?.name)) return `${n.id.name} : fragment de message`;
      if (n.type === "FunctionDeclaration" && FONCTIONS.has(n.id?.name)) return `${n.id.name} : formulation`;
      if (n.type === "ArrowFunctionExpression" && n.params.length === 0 && seulementTexte(n.body)) return "Fonction qui écrit un message : formulation";
      return undefined;
    },
  }),
];
