/**
 * The CNC.* functions through the built bundle, called by id as Excel calls them, against the rules
 * core called directly: scalars, omitted optionals (null), ranges that spill, blank cells, bad values,
 * catalogues where one bad row is an error in its own cell, the examples and the boundary cases.
 */
import * as fs from "fs";
import * as path from "path";
import { parseDossier } from "../../src/dossier";
import { auCentime, auCentimeSuperieur, ecartAuCentime, calculerApportMinimum, calculerNumeraireMinimum, dateDuJour, evaluer, manquantsSection, versionEnVigueur, Decimal, type Section, type Verdict } from "../../src/rules";
import { c, chargerFonctions, construireBundle, RACINE, simplifier, type FonctionsChargees, type Simple } from "../helpers/bundle";

let f: FonctionsChargees;
beforeAll(async () => {
  f = chargerFonctions(await construireBundle("cdn"));
}, 300_000);

const appel = (id: string, ...args: unknown[]): Simple => simplifier(f.appeler(id, ...args));
/** The single cell of a matrix result (a 1×1 spill). */
const seul = (id: string, ...args: unknown[]): Simple => {
  const r = appel(id, ...args);
  if (!Array.isArray(r) || r.length !== 1 || !Array.isArray(r[0]) || r[0].length !== 1) throw new Error(`pas 1×1 : ${JSON.stringify(r)}`);
  return r[0][0];
};
const VALEUR = expect.objectContaining({ erreur: "#VALUE!" });
const NA = expect.objectContaining({ erreur: "#N/A" });

/** A dossier object as a two-column `Champ | Valeur` range. */
const plage = (d: Record<string, unknown>): unknown[][] => Object.entries(d).map(([k, v]) => [k, v]);

const EXEMPLES = fs.readdirSync(path.join(RACINE, "examples")).filter((n) => n.endsWith(".json"))
  .map((n) => [n, JSON.parse(fs.readFileSync(path.join(RACINE, "examples", n), "utf8")) as Record<string, unknown>] as const);

/** What each function must say about a section of the core's verdict (the contract of the functions). */
function manquants(s: Section): Simple {
  return { erreur: "#N/A", message: `Champs manquants : ${manquantsSection(s).join(", ")}.` };
}
function attenduConforme(v: Verdict, s: Section, siNonApplicable: Simple): Simple {
  if (s.statut === "incomplet") return manquants(s);
  if (s.statut === "non_applicable") return siNonApplicable;
  return s.statut === "conforme";
}
const LIBELLES = { conforme: "conforme", non_conforme: "non conforme", incomplet: "incomplet", non_applicable: "non applicable" };
const euros = (d: Decimal | null) => (d === null ? 0 : ecartAuCentime(d).toNumber());

describe("registration", () => {
  test("every function is associated once, under the ids of the metadata", () => {
    expect(f.ids).toEqual(["APPORT_MIN", "NUMERAIRE_MIN", "APPORT_CONFORME", "REFERENCE_ELIGIBLE", "MAJORATION", "STATUT", "ECART", "EXPLIQUER", "VERSION"]);
    const meta = JSON.parse(fs.readFileSync(path.join(RACINE, "test-output/bundle-cdn/functions.json"), "utf8"));
    expect(meta.functions.map((m: { id: string }) => m.id).sort()).toEqual([...f.ids].sort());
  });
});

describe("the examples agree with the core", () => {
  test.each(EXEMPLES)("%s", (_nom, json) => {
    const v = evaluer(parseDossier(json));
    const r = plage(json);
    expect(seul("APPORT_CONFORME", r, null, null)).toEqual(attenduConforme(v, v.apportInitial, true));
    expect(seul("REFERENCE_ELIGIBLE", r, null, null)).toEqual(attenduConforme(v, v.listeReference, null));
    expect(seul("MAJORATION", r, null, null)).toEqual(v.majoration.statut === "incomplet" ? manquants(v.majoration) : v.majoration.taux.toNumber());
    for (const [section, cle] of [["apport", "apportInitial"], ["reference", "listeReference"], ["majoration", "majoration"]] as const) {
      expect(seul("STATUT", r, section, null, null)).toBe(LIBELLES[v[cle].statut]);
      const sansMontant = v[cle].statut === "non_conforme" && v[cle].ecart === null;
      expect(seul("ECART", r, section, null, null)).toEqual(v[cle].statut === "incomplet" ? manquants(v[cle])
        : sansMontant ? { erreur: "#N/A", message: expect.stringContaining("Aucun montant") } : euros(v[cle].ecart));
    }
    // The table lists every condition of the core with its status, in order, after a header row.
    const table = appel("EXPLIQUER", r, null, null, null) as Simple[][];
    expect(table[0]).toEqual(["condition", "article", "statut", "attendu", "constaté", "écart", "message"]);
    const conditions = [...v.apportInitial.conditions, ...v.listeReference.conditions, ...v.majoration.conditions];
    const lignesConditions = table.filter((l) => /^[A-D]\d? · /.test(String(l[0])));
    expect(lignesConditions.map((l) => [String(l[0]).split(" · ")[0], l[2]])).toEqual(conditions.map((k) => [k.code, LIBELLES[k.statut]]));
    expect(table.filter((l) => String(l[0]).includes(`RGA ${v.version}`))).toHaveLength(3);
  });

  test("the catalogue form gives one value per work, in order, in one call", () => {
    const champs = [...new Set(EXEMPLES.flatMap(([, j]) => Object.keys(j)))];
    const catalogue = [champs, ...EXEMPLES.map(([, j]) => champs.map((k) => (k in j ? j[k] : null)))];
    const attendu = EXEMPLES.map(([, j]) => {
      const v = evaluer(parseDossier(j));
      return [LIBELLES[v.listeReference.statut]];
    });
    expect(appel("STATUT", catalogue, "reference", null, null)).toEqual(attendu);
  });
});

describe("CNC.APPORT_MIN", () => {
  const p = versionEnVigueur(dateDuJour())!;
  const coeur = (genre: "fiction" | "animation" | "documentaire", base: number, extra: Record<string, number> = {}) =>
    auCentimeSuperieur(calculerApportMinimum(p, { genre, base: new Decimal(base), ...Object.fromEntries(Object.entries(extra).map(([k, x]) => [k, new Decimal(x)])) })).toNumber();

  test("scalars with omitted optionals (null) agree with the core, under today's version", () => {
    expect(seul("APPORT_MIN", c("fiction"), c(1_000_000), null, null, null, null, null, null, null)).toBe(coeur("fiction", 1_000_000));
    expect(seul("APPORT_MIN", c("fiction"), c(1_000_000), null, null, null, null, null, null, null)).toBe(250_000);
    expect(seul("APPORT_MIN", c("Documentaire de création"), c("1 234 567,89 €"), null, null, null, null, null, null, null)).toBe(coeur("documentaire", 1234567.89));
  });

  test("the participation française is the base when given; a blank cell is no value, not zero", () => {
    expect(seul("APPORT_MIN", c("fiction"), c(3_200_000), c(2_000_000), null, null, null, null, null, null)).toBe(500_000);
    expect(seul("APPORT_MIN", c("fiction"), c(3_200_000), c(""), null, null, null, null, null, null)).toBe(800_000);
    expect(seul("APPORT_MIN", c("fiction"), c(null), c(2_000_000), null, null, null, null, null, null)).toBe(500_000);
  });

  test("animation with presales and points: max(20 % × base, 25 % × base − préventes / 2) under 311-11-1 (2023-01)", () => {
    const jan = "2023-01-15";
    const min = (preventes: number, creation = 30, fabrication = 36) =>
      seul("APPORT_MIN", c("animation"), c(1_000_000), null, c(preventes), c(creation), c(fabrication), null, null, c(jan));
    expect(min(100_000)).toBe(200_000);
    expect(min(60_000)).toBe(220_000);
    expect(min(500_000)).toBe(200_000);
    expect(min(100_000, 29)).toBe(250_000);
    expect(min(100_000, 30, 35)).toBe(250_000);
    const p1 = versionEnVigueur(jan)!;
    expect(min(60_000)).toBe(auCentimeSuperieur(calculerApportMinimum(p1, { genre: "animation", base: new Decimal(1_000_000), preventesInternationales: new Decimal(60_000), pointsCreation: new Decimal(30), pointsFabrication: new Decimal(36) })).toNumber());
  });

  test("the date argument compares RGA versions side by side (311-10 from February 2023: 15 %, presales × 1)", () => {
    const ligne = [["2023-01-15", "2023-02-01"]];
    expect(appel("APPORT_MIN", c("animation"), c(1_000_000), null, c(60_000), c(30), c(36), null, null, ligne)).toEqual([[220_000, 190_000]]);
    // An Excel date serial is a date: 44942 is 2023-01-15.
    expect(seul("APPORT_MIN", c("animation"), c(1_000_000), null, c(60_000), c(30), c(36), null, null, c(44942))).toBe(220_000);
    expect(seul("APPORT_MIN", c("fiction"), c(1_000_000), null, null, null, null, null, null, c("2022-12-31"))).toEqual(NA);
  });

  test("selective aid: 0", () => {
    expect(seul("APPORT_MIN", c("fiction"), c(1_000_000), null, null, null, null, null, c("selective"), null)).toBe(0);
  });

  test("ranges spill element-wise, a single cell repeats, a bad row is an error in its own cell", () => {
    const genres = [["fiction"], ["animation"], ["martien"], [""], ["documentaire"]];
    const r = appel("APPORT_MIN", genres, c(1_000_000), null, null, null, null, null, null, null) as Simple[][];
    expect(r).toHaveLength(5);
    expect(r[0]).toEqual([250_000]);
    expect(r[1]).toEqual([250_000]);
    expect(r[2][0]).toEqual({ erreur: "#VALUE!", message: expect.stringMatching(/^Argument genre : genre inconnu « martien »/) });
    expect(r[3][0]).toEqual({ erreur: "#N/A", message: "Arguments manquants : genre." });
    expect(r[4]).toEqual([250_000]);
    // Two columns against a column of costs: a 2-D spill.
    const deux = appel("APPORT_MIN", [["fiction", "animation"]], [[100], [200.02]], null, null, null, null, null, null, null);
    expect(deux).toEqual([[25, 25], [50.01, 50.01]]);
  });

  test("ranges of unequal sizes: #N/A outside the smaller one, as Excel does", () => {
    const r = appel("APPORT_MIN", [["fiction"], ["fiction"], ["fiction"]], [[100], [200]], null, null, null, null, null, null, null) as Simple[][];
    expect(r[0]).toEqual([25]);
    expect(r[1]).toEqual([50]);
    expect(r[2][0]).toEqual(NA);
  });

  test("bad values are #VALUE! naming the argument; missing ones #N/A listing them", () => {
    const msg = (r: Simple) => (r as { message: string }).message;
    const neg = seul("APPORT_MIN", c("fiction"), c(-1), null, null, null, null, null, null, null);
    expect(neg).toEqual(VALEUR);
    expect(msg(neg)).toMatch(/^Argument cout_definitif : /);
    expect(msg(seul("APPORT_MIN", c("fiction"), c("beaucoup"), null, null, null, null, null, null, null))).toMatch(/^Argument cout_definitif : « beaucoup » n'est pas un nombre/);
    expect(msg(seul("APPORT_MIN", c("fiction"), c(1), null, null, c(30.5), null, null, null, null))).toMatch(/^Argument points_creation : /);
    expect(msg(seul("APPORT_MIN", c("fiction"), c(1), null, null, null, null, c("cinéma"), null, null))).toMatch(/^Argument destination : /);
    expect(msg(seul("APPORT_MIN", c("fiction"), c(1), null, null, null, null, null, c("bonus"), null))).toMatch(/^Argument aide : /);
    expect(msg(seul("APPORT_MIN", c("fiction"), c(1), null, null, null, null, null, null, c("31/02/2023")))).toMatch(/^Argument date : /);
    expect(seul("APPORT_MIN", c(""), c(null), null, null, null, null, null, null, null)).toEqual({ erreur: "#N/A", message: "Arguments manquants : genre, cout_definitif." });
    expect(seul("APPORT_MIN", c(true), c(1), null, null, null, null, null, null, null)).toEqual(VALEUR);
  });
});

describe("CNC.NUMERAIRE_MIN", () => {
  test("12 000 €/h × hours, 20 000 €/h for spectacle vivant, from the core", () => {
    const p = versionEnVigueur(dateDuJour())!;
    for (const [genre, minutes] of [["fiction", 90], ["animation", 338], ["documentaire", 52], ["spectacle_vivant", 100]] as const) {
      const coeur = auCentimeSuperieur(calculerNumeraireMinimum(p, { genre, dureeMinutes: new Decimal(minutes) })).toNumber();
      expect(seul("NUMERAIRE_MIN", c(genre), c(minutes), null, null, null)).toBe(coeur);
    }
    expect(seul("NUMERAIRE_MIN", c("fiction"), c(90), null, null, null)).toBe(18_000);
    expect(seul("NUMERAIRE_MIN", c("spectacle vivant"), c(90), null, null, null)).toBe(30_000);
    // A repeating quotient is rounded half-up to the cent only when shown: 12 000 × 7 / 60 = 1 400.
    expect(seul("NUMERAIRE_MIN", c("fiction"), c(7), null, null, null)).toBe(1_400);
    expect(seul("NUMERAIRE_MIN", c("fiction"), c(0.1), null, null, null)).toBe(20);
    expect(seul("NUMERAIRE_MIN", c("fiction"), c(0.0001), null, null, null)).toBe(0.02);
  });

  test("blank duration is missing; zero or negative is #VALUE!", () => {
    expect(seul("NUMERAIRE_MIN", c("fiction"), c(""), null, null, null)).toEqual({ erreur: "#N/A", message: "Arguments manquants : duree_minutes." });
    expect(seul("NUMERAIRE_MIN", c("fiction"), c(0), null, null, null)).toEqual({ erreur: "#VALUE!", message: "Argument duree_minutes : une durée doit être strictement positive." });
  });

  test("spills over a column of durations", () => {
    expect(appel("NUMERAIRE_MIN", c("fiction"), [[60], [90], [120]], null, null, null)).toEqual([[12_000], [18_000], [24_000]]);
  });
});

describe("boundary cases through the dossier functions", () => {
  const FICTION = {
    dateDemande: "2023-01-16", genre: "fiction", destination: "television", aide: "automatique",
    dureeMinutes: 90, coutDefinitif: 1_000_000, apportInitial: 250_000, apportNumeraireTelevision: 18_000,
  };
  const verifier = (d: Record<string, unknown>) => {
    const v = evaluer(parseDossier(d));
    expect(seul("APPORT_CONFORME", plage(d), null, null)).toEqual(attenduConforme(v, v.apportInitial, true));
    expect(seul("ECART", plage(d), c("apport"), null, null)).toBe(euros(v.apportInitial.ecart));
    return v;
  };

  test("exactly 25 % complies; one cent under does not, and the gap is that cent", () => {
    expect(verifier(FICTION).apportInitial.statut).toBe("conforme");
    expect(seul("APPORT_CONFORME", plage(FICTION), null, null)).toBe(true);
    const sous = { ...FICTION, apportInitial: 249_999.99 };
    verifier(sous);
    expect(seul("APPORT_CONFORME", plage(sous), null, null)).toBe(false);
    expect(seul("ECART", plage(sous), c("apport"), null, null)).toBe(0.01);
  });

  test("a shortfall under half a cent (25 % of 1 000 000,01 € = 250 000,0025 €) is not a gap of 0", () => {
    const sous = { ...FICTION, coutDefinitif: 1_000_000.01 };
    expect(verifier(sous).apportInitial.statut).toBe("non_conforme");
    expect(seul("STATUT", plage(sous), "apport", null, null)).toBe("non conforme");
    expect(seul("ECART", plage(sous), c("apport"), null, null)).toBe(0.01);
  });

  test("exactly 12 000 €/h complies; one cent under does not", () => {
    const sous = { ...FICTION, apportNumeraireTelevision: 17_999.99 };
    verifier(sous);
    expect(seul("APPORT_CONFORME", plage(sous), null, null)).toBe(false);
    expect(seul("ECART", plage(sous), c("apport"), null, null)).toBe(0.01);
    expect(seul("STATUT", plage(sous), "apport", null, null)).toBe("non conforme");
  });

  test("animation derogation: 20 % with presales and points (2023-01); one cent under 20 % fails", () => {
    const ANIM = {
      dateDemande: "2023-01-20", genre: "animation", dureeMinutes: 338, coutDefinitif: 1_000_000, apportInitial: 200_000,
      apportNumeraireTelevision: 150_000, preventesInternationales: 100_000, pointsCreation: 30, pointsFabrication: 36,
    };
    expect(verifier(ANIM).apportInitial.statut).toBe("conforme");
    expect(seul("APPORT_CONFORME", plage(ANIM), null, null)).toBe(true);
    const sous = { ...ANIM, apportInitial: 199_999.99 };
    expect(verifier(sous).apportInitial.statut).toBe("non_conforme");
    // Without the presales the derogation cannot be checked: #N/A naming the field.
    const { preventesInternationales: _p, ...sansPreventes } = ANIM;
    expect(seul("APPORT_CONFORME", plage(sansPreventes), null, null)).toEqual({ erreur: "#N/A", message: "Champs manquants : preventesInternationales." });
  });

  test("the date argument evaluates one dossier under both versions side by side", () => {
    const ANIM = {
      dateDemande: "2023-01-20", genre: "animation", dureeMinutes: 338, coutDefinitif: 1_000_000, apportInitial: 160_000,
      apportNumeraireTelevision: 160_000, preventesInternationales: 90_000, pointsCreation: 30, pointsFabrication: 36,
    };
    const d = parseDossier(ANIM);
    for (const date of ["2023-01-20", "2023-02-01"]) {
      const v = evaluer(d, { date });
      expect(seul("APPORT_CONFORME", plage(ANIM), null, date)).toEqual(attenduConforme(v, v.apportInitial, true));
    }
    expect(seul("APPORT_CONFORME", plage(ANIM), null, "2023-01-20")).toBe(false);
    expect(seul("APPORT_CONFORME", plage(ANIM), null, "2023-02-01")).toBe(true);
    expect(seul("APPORT_CONFORME", plage(ANIM), null, "2022-06-01")).toEqual(NA);
  });
});

describe("dossier arguments", () => {
  const ex = EXEMPLES.find(([n]) => n === "serie-fiction.json")![1];

  test("labels are matched case- and accent-insensitively, French labels too; unknown labels are ignored", () => {
    const d = { ...ex };
    const r = Object.entries(d).map(([k, v]) => [k === "coutDefinitif" ? "Coût définitif (€)" : k.toUpperCase(), v]);
    r.push(["Notes", "à revoir"]);
    expect(seul("STATUT", r, "Apport Initial", null, null)).toBe(seul("STATUT", plage(ex), "apport", null, null));
    const table = appel("EXPLIQUER", r, null, null, null) as Simple[][];
    expect(table[table.length - 1][0]).toBe("Libellés ignorés");
    expect(String(table[table.length - 1][6])).toContain("Notes");
  });

  test("labels and values in separate ranges (valeurs argument)", () => {
    const labels = Object.keys(ex).map((k) => [k]);
    const valeurs = Object.values(ex).map((v) => [v]);
    expect(seul("STATUT", labels, "majoration", valeurs, null)).toBe(seul("STATUT", plage(ex), "majoration", null, null));
  });

  test("a blank value cell is a missing field, never zero", () => {
    const r = plage({ ...ex, apportInitial: "" });
    expect(seul("APPORT_CONFORME", r, null, null)).toEqual({ erreur: "#N/A", message: expect.stringContaining("apportInitial") });
    const avecNull = plage({ ...ex, apportInitial: null });
    expect(seul("APPORT_CONFORME", avecNull, null, null)).toEqual(seul("APPORT_CONFORME", r, null, null));
  });

  test("Excel booleans, VRAI/FAUX and oui/non are booleans", () => {
    const v = (x: unknown) => seul("REFERENCE_ELIGIBLE", plage({ ...ex, autorisationDefinitive: x }), null, null);
    expect(v(true)).toBe(v("VRAI"));
    expect(v("oui")).toBe(v("VRAI"));
    expect(v(false)).toBe(v("FAUX"));
    expect(v("non")).toBe(false);
    expect(v("peut-être")).toEqual({ erreur: "#VALUE!", message: expect.stringMatching(/^Argument dossier, champ « autorisationDefinitive » : /) });
  });

  test("bad values are #VALUE! naming the field; a range of no field is #VALUE!", () => {
    expect(seul("APPORT_CONFORME", plage({ ...ex, genre: "western" }), null, null)).toEqual({ erreur: "#VALUE!", message: expect.stringMatching(/^Argument dossier, champ « genre » : genre inconnu « western »/) });
    expect(seul("APPORT_CONFORME", plage({ ...ex, coutDefinitif: -5 }), null, null)).toEqual({ erreur: "#VALUE!", message: expect.stringContaining("champ « coutDefinitif »") });
    expect(seul("APPORT_CONFORME", [["Notes", 1], ["Budget", 2]], null, null)).toEqual({ erreur: "#VALUE!", message: expect.stringContaining("aucun champ du dossier reconnu") });
    expect(seul("APPORT_CONFORME", plage({ ...ex, coutDefinitif: 1, "Coût définitif": 2 }), null, null)).toEqual({ erreur: "#VALUE!", message: expect.stringContaining("plusieurs fois") });
  });

  test("section is matched case- and accent-insensitively; an unknown one is #VALUE! naming section", () => {
    for (const s of ["apport", "APPORT", "apportInitial", "Référence", "liste_reference", "listeReference", "Majoration"]) {
      expect(typeof seul("STATUT", plage(ex), s, null, null)).toBe("string");
    }
    expect(seul("STATUT", plage(ex), "bonus", null, null)).toEqual({ erreur: "#VALUE!", message: expect.stringMatching(/^Argument section : « bonus »/) });
    expect(seul("ECART", plage(ex), null, null, null)).toEqual({ erreur: "#N/A", message: expect.stringContaining("section") });
  });

  test("a catalogue spills one cell per work; a bad row is an error in its own cell, empty rows stay empty", () => {
    const champs = Object.keys(ex);
    const ligne = (m: Record<string, unknown>) => champs.map((k) => (k in m ? m[k] : ex[k]));
    const catalogue = [
      champs,
      ligne({}),
      ligne({ genre: "western" }),
      champs.map(() => null),
      ligne({ apportInitial: 0, apportNumeraireTelevision: 0 }),
      ligne({ coutDefinitif: "" }),
    ];
    const r = appel("APPORT_CONFORME", catalogue, null, null) as Simple[][];
    const v0 = evaluer(parseDossier(ex));
    expect(r).toHaveLength(5);
    expect(r[0]).toEqual([attenduConforme(v0, v0.apportInitial, true)]);
    expect(r[1][0]).toEqual({ erreur: "#VALUE!", message: expect.stringMatching(/^Argument dossier, œuvre n° 2, champ « genre »/) });
    expect(r[2]).toEqual([""]);
    expect(r[3]).toEqual([false]);
    expect(r[4][0]).toEqual({ erreur: "#N/A", message: expect.stringContaining("coutDefinitif") });
    // Every dossier function spills the same way.
    for (const [id, extra] of [["REFERENCE_ELIGIBLE", []], ["MAJORATION", []], ["STATUT", ["apport"]], ["ECART", ["apport"]]] as const) {
      const s = appel(id, catalogue, ...extra, null, null) as Simple[][];
      expect(s).toHaveLength(5);
      expect(s[1][0]).toEqual(VALEUR);
      expect(s[2]).toEqual([""]);
    }
  });
});

describe("CNC.EXPLIQUER", () => {
  const ex = EXEMPLES.find(([n]) => n === "serie-animation.json")![1];

  test("one section: its row and its conditions, with the values of the core rounded to the cent", () => {
    const v = evaluer(parseDossier(ex));
    const t = appel("EXPLIQUER", plage(ex), "apport", null, null) as Simple[][];
    expect(t).toHaveLength(2 + v.apportInitial.conditions.length);
    expect(t[1]).toEqual([`Apport initial · RGA ${v.version}`, v.apportInitial.regime, LIBELLES[v.apportInitial.statut], "", "", euros(v.apportInitial.ecart), expect.any(String)]);
    v.apportInitial.conditions.forEach((k, i) => {
      const l = t[2 + i];
      expect(l[0]).toBe(`${k.code} · ${k.libelle}`);
      expect(String(l[1]).startsWith(k.article)).toBe(true);
      expect(l[3]).toEqual(k.attendu instanceof Decimal ? (k.unite === "euros" ? auCentimeSuperieur(k.attendu) : auCentime(k.attendu)).toNumber() : k.attendu ?? "");
      expect(l[4]).toEqual(k.constate instanceof Decimal ? auCentime(k.constate).toNumber() : k.constate ?? "");
      expect(String(l[6]).startsWith(k.message)).toBe(true);
    });
    expect(t.every((l) => l.length === 7)).toBe(true);
  });

  test("an incomplete dossier still explains, naming what to fill in", () => {
    const t = appel("EXPLIQUER", plage({ genre: "fiction", coutDefinitif: 1_000_000 }), "apport", null, c("2023-03-01")) as Simple[][];
    expect(t[1][0]).toBe("Apport initial · RGA 2023-02");
    expect(t[1][2]).toBe("incomplet");
    expect(t.some((l) => String(l[6]).includes("À renseigner : apportInitial"))).toBe(true);
  });

  test("more than one work, or a bad one, is an error", () => {
    const champs = Object.keys(ex);
    expect(seul("EXPLIQUER", [champs, champs.map((k) => ex[k]), champs.map((k) => ex[k])], null, null, null)).toEqual(VALEUR);
    expect(seul("EXPLIQUER", plage({ ...ex, genre: 3 }), null, null, null)).toEqual(VALEUR);
    expect(seul("EXPLIQUER", plage(ex), "tout", null, null)).toEqual(VALEUR);
  });
});

describe("CNC.VERSION", () => {
  test("the RGA version in force and the add-in version", () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(RACINE, "package.json"), "utf8"));
    expect(appel("VERSION", null)).toBe(`RGA ${versionEnVigueur(dateDuJour())!.version} · CNC Conformité ${pkg.version}`);
    expect(appel("VERSION", "2023-01-31")).toBe(`RGA 2023-01 · CNC Conformité ${pkg.version}`);
    expect(appel("VERSION", 44958)).toBe(`RGA 2023-02 · CNC Conformité ${pkg.version}`);
    expect(appel("VERSION", "2020-01-01")).toEqual(NA);
    expect(appel("VERSION", "demain")).toEqual(VALEUR);
  });
});

describe("the examples of docs/fonctions.md", () => {
  const exemple = (n: string) => [["Champ", "Valeur"], ...plage(EXEMPLES.find(([x]) => x === `${n}.json`)![1])];
  test("give the results the documentation shows", () => {
    expect(seul("APPORT_MIN", c("fiction"), c(1_000_000))).toBe(250_000);
    expect(seul("APPORT_MIN", c("fiction"), c(3_200_000), c(2_000_000))).toBe(500_000);
    expect(seul("APPORT_MIN", c("fiction"), c(1_000_000), null, null, null, null, null, c("selective"))).toBe(0);
    expect(seul("NUMERAIRE_MIN", c("spectacle vivant"), c(90))).toBe(30_000);
    expect(seul("APPORT_CONFORME", exemple("serie-animation"))).toBe(true);
    expect(seul("MAJORATION", exemple("serie-animation"))).toBe(0);
    const maj = appel("EXPLIQUER", exemple("serie-animation"), "majoration") as Simple[][];
    expect(maj.find((l) => l[2] === "non conforme" && String(l[0]).startsWith("D ·"))!.slice(3, 6)).toEqual([45, 40, 5]);
    expect(seul("STATUT", exemple("coproduction-internationale"), "reference")).toBe("non conforme");
    expect(seul("ECART", exemple("coproduction-internationale"), "apport")).toBe(20_000);
  });
});

describe("never a string that looks like an error, never an exception", () => {
  test("odd inputs give values or Excel errors", () => {
    const odd: unknown[] = [null, "", "#N/A", "#VALUE!", [[]], [[null]], [[NaN]], [[Infinity]], [[{}]], [["x", 1], [true]], 1e308, -0];
    for (const id of f.ids) {
      for (const x of odd) {
        const r = simplifier(f.appeler(id, x, x, x, x, x, x, x, x, x));
        const cellules = (Array.isArray(r) ? r.flat(2) : [r]) as Simple[];
        for (const cel of cellules) if (typeof cel === "string") expect(cel).not.toMatch(/^#/);
      }
    }
  });
});
