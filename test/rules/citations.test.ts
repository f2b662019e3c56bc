/**
 * Every condition cites the article and alinea of the text that sets it, in the version the dossier
 * falls under: compared with a table written from ../shared/rga/ (./loi/textes.ts, CITATIONS), for
 * dossiers that reach every condition of both versions. A 1° cited as 2°, a 4° as 3°, an old number
 * under the recast: each fails here.
 */
import Decimal from "decimal.js";
import { parseDossier } from "../../src/dossier";
import { evaluer, type Verdict } from "../../src/rules";
import { ARTICLES, CITATIONS, FIGURES, VERSIONS_LOI, type CleCitation } from "./loi/textes";
import { fictionConforme, oeuvreConforme, sansPartiesExcedentaires } from "./loi/scenarios";

type Brut = Record<string, unknown>;
/** "code=clé" when the code differs from the key's first word (A3 is carried by A1 and A2). */
type Attendu = CleCitation | `${string}=${CleCitation}`;
interface Cas {
  nom: string;
  versions?: string[];
  dossier: (v: string) => Brut;
  apportInitial?: (v: string) => Attendu[];
  listeReference?: (v: string) => Attendu[];
  majoration?: (v: string) => Attendu[];
}

const evaluerBrut = (brut: Brut): Verdict => evaluer(parseDossier(sansPartiesExcedentaires(brut)), { aujourdhui: "2099-01-01" });
const x = (v: string, cle: string) => new Decimal(FIGURES[v][cle].valeur);

const LISTE: Attendu[] = ["C1", "C2", "C3", "C4", "C5", "C6"];
const majoration1 = (v: string): Attendu[] => (v === "2023-01" ? ["D référence", "D 1° a)", "D 1° b) coût", "D postes"] : ["D référence", "D 1° a)", "D postes"]);
const MAJORATION2: Attendu[] = ["D référence", "D 2° a)", "D 2° b)", "D 2° c)", "D 2° c)"];

/** An animation series between the lowered rate and 25 %, presales and points as the case asks. */
function animationDerogation(v: string, preventesSuffisantes = true): Brut {
  const base = new Decimal(1000000);
  const apport = x(v, "derogation.animation.taux").plus(x(v, "apport.taux")).dividedBy(2).times(base);
  const preventes = x(v, "derogation.animation.multiplePreventes").times(x(v, "apport.taux").times(base).minus(apport));
  return {
    ...oeuvreConforme(v, "animation"), coutDefinitif: "1000000", apportInitial: apport.toFixed(), apportNumeraireTelevision: "18000",
    preventesInternationales: (preventesSuffisantes ? preventes : preventes.minus("0.01")).toFixed(),
    pointsCreation: 40, pointsFabrication: 50, depensesFrance: "1000000",
  };
}

const CAS: Cas[] = [
  {
    nom: "fiction pour la télévision, contrat daté, droits SMAD",
    dossier: (v) => ({ ...fictionConforme(v), dateContrat: "2022-09-01", dateFinTournage: "2022-12-01", dureeDroitsSmadMois: 60, dureeExclusiviteSmadMois: 30 }),
    apportInitial: () => ["A1", "A2", "A5", "A6", "A6"],
    listeReference: () => LISTE,
    majoration: majoration1,
  },
  {
    nom: "fiction : engagement ferme sans contrat",
    dossier: (v) => ({ ...fictionConforme(v), engagementFerme: true }),
    apportInitial: () => ["A1", "A2", "A5"],
  },
  {
    nom: "fiction sous 25 % (pas de cas dérogatoire)",
    dossier: (v) => ({ ...fictionConforme(v), apportInitial: "900000" }),
    apportInitial: () => ["A1", "A2"],
    listeReference: () => LISTE,
  },
  {
    nom: "aide sélective : A1 et A2 portées par l'alinéa 4",
    dossier: (v) => ({ ...fictionConforme(v), aide: "selective", apportInitial: "100000", apportNumeraireTelevision: "0" }),
    apportInitial: () => ["A1=A3", "A2=A3"],
  },
  {
    nom: "animation : la dérogation s'applique",
    dossier: (v) => animationDerogation(v),
    apportInitial: () => ["A1 dérogation animation", "A2", "A4 préventes animation", "A4 points animation", "A4 points animation"],
    listeReference: () => LISTE,
    majoration: () => MAJORATION2,
  },
  {
    // 311-11-1 a) on "l'apport initial effectivement réalisé": the least compliant apport is set by the
    // derogation (max(taux réduit × base, 25 % × base − préventes / multiple)), so A1 cites it.
    nom: "animation : préventes insuffisantes d'un centime, moindre apport fixé par la dérogation",
    dossier: (v) => animationDerogation(v, false),
    apportInitial: () => ["A1 dérogation animation", "A2", "A4 préventes animation", "A4 points animation", "A4 points animation"],
    listeReference: () => LISTE,
  },
  {
    nom: "animation à 25 % : dérogation non nécessaire",
    dossier: (v) => ({ ...oeuvreConforme(v, "animation") }),
    apportInitial: () => ["A1", "A2", "A4=A1 dérogation animation"],
  },
  {
    nom: "documentaire à 20 % avec préventes (311-10 2° en 2023-02 ; aucun cas en 2023-01)",
    dossier: (v) => ({ ...oeuvreConforme(v, "documentaire"), coutDefinitif: "1000000", apportInitial: "200000", apportNumeraireTelevision: "18000", preventesInternationales: "1000000" }),
    apportInitial: (v) => (v === "2023-01" ? ["A1", "A2"] : ["A1 dérogation documentaire", "A2", "A4 préventes documentaire"]),
    listeReference: () => LISTE,
    majoration: majoration1,
  },
  {
    nom: "documentaire en case de magazine",
    dossier: (v) => ({ ...oeuvreConforme(v, "documentaire"), caseMagazine: true, dureeEpisodeMinutes: 30 }),
    listeReference: () => LISTE,
  },
  {
    nom: "spectacle vivant",
    dossier: (v) => oeuvreConforme(v, "spectacle_vivant"),
    apportInitial: () => ["A1", "A2"],
    listeReference: () => LISTE,
    majoration: majoration1,
  },
  {
    nom: "genre « autre »",
    dossier: (v) => ({ ...fictionConforme(v), genre: "autre" }),
    apportInitial: () => ["A1", "A2"],
    listeReference: () => LISTE,
    majoration: () => ["D référence"],
  },
  {
    nom: "genre non renseigné",
    dossier: (v) => {
      const d = { ...fictionConforme(v) };
      delete (d as Brut).genre;
      return d;
    },
    apportInitial: () => ["A1", "A2"],
    listeReference: () => LISTE,
    majoration: () => ["D référence", "D référence"],
  },
  {
    nom: "œuvre SMAD, éditeurs seuls (311-12 1°)",
    versions: ["2023-01"],
    dossier: (v) => ({ ...oeuvreConforme(v, "documentaire"), destination: "smad", apportInitial: undefined, apportNumeraireTelevision: undefined, apportNumeraireSmad: "1000000" }),
    apportInitial: () => ["B1 1°", "B2", "B3"],
    listeReference: () => LISTE,
  },
  {
    nom: "œuvre SMAD, aide à la préparation (311-12 dernier alinéa)",
    versions: ["2023-01"],
    dossier: (v) => ({ ...oeuvreConforme(v, "documentaire"), destination: "smad", aide: "preparation", apportInitial: undefined, apportNumeraireTelevision: undefined, apportNumeraireSmad: "0" }),
    apportInitial: () => ["B2=B préparation"],
  },
];

const lire = (a: Attendu): [string, CleCitation] => {
  const [code, cle] = a.includes("=") ? (a.split("=") as [string, CleCitation]) : [a.split(" ")[0], a as CleCitation];
  return [code, cle];
};

describe.each(Object.keys(VERSIONS_LOI))("version %s : article et alinéa de chaque condition", (version) => {
  const cas = CAS.filter((c) => !c.versions || c.versions.includes(version));
  it.each(cas.map((c) => [c.nom, c] as const))("%s", (_nom, c) => {
    const brut = Object.fromEntries(Object.entries({ ...c.dossier(version), dateDemande: VERSIONS_LOI[version].date }).filter(([, val]) => val !== undefined));
    const v = evaluerBrut(brut);
    expect(v.version).toBe(version);
    for (const section of ["apportInitial", "listeReference", "majoration"] as const) {
      const attendus = c[section]?.(version);
      if (!attendus) continue;
      const trouve = v[section].conditions.map((k) => `${k.code} ${k.article} ${k.alinea}`).sort();
      const voulu = attendus.map(lire).map(([code, cle]) => {
        const citation = CITATIONS[version][cle];
        if (!citation) throw new Error(`pas de citation « ${cle} » en ${version}`);
        return `${code} ${citation[0]} ${citation[1]}`;
      }).sort();
      expect({ section, conditions: trouve }).toEqual({ section, conditions: voulu });
    }
  });
});

describe("chaque condition cite un article de sa version (rga/README.md)", () => {
  it.each(Object.keys(VERSIONS_LOI))("%s", (version) => {
    for (const c of CAS.filter((k) => !k.versions || k.versions.includes(version))) {
      const v = evaluerBrut({ ...Object.fromEntries(Object.entries(c.dossier(version)).filter(([, val]) => val !== undefined)), dateDemande: VERSIONS_LOI[version].date });
      const etrangers = [v.apportInitial, v.listeReference, v.majoration].flatMap((s) => s.conditions)
        .filter((k) => !ARTICLES[version].includes(k.article)).map((k) => `${c.nom} : ${k.code} ${k.article}`);
      expect(etrangers).toEqual([]);
    }
  });
});
