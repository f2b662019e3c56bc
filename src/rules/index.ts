/** The rules core's public face: what the functions, the task pane and the CLI may use. */
export { evaluer, evaluerApportInitial, evaluerSousVersion, dateDuJour, type OptionsEvaluation } from "./evaluer";
export { calculerApportMinimum, calculerNumeraireMinimum, manquantsApportMinimum, type EntreeApportMinimum, type EntreeNumeraireMinimum } from "./minimums";
export { VERSIONS, versionEnVigueur, parametresVersion, type ParametresVersion, type VersionId, type Seuil } from "./parametres";
export { Decimal, ZERO, auCentime, auCentimeSuperieur, ecartAuCentime } from "./decimal";
export { GENRES, DESTINATIONS, AIDES, type Dossier, type ChampDossier, type Genre, type Destination, type Aide } from "./dossier";
export { STATUTS, conditionsHorsMontant, manquantsSection, type Statut, type Condition, type Section, type SectionApport, type SectionReference, type SectionMajoration, type Verdict, type Valeur, type Unite } from "./verdict";
export { euros, eurosMin, manqueEuros, pourcent, nombre, dateLongue } from "./format";
export { base as calculerBase } from "./grandeurs";
export { contradictions, DossierContradictoire, type Contradiction } from "./contradictions";
