/*
 * CNC Conformité — old webviews. Written in ES5 on purpose and loaded before everything else: some
 * Windows builds of Office still show add-ins in Internet Explorer 11 (Trident) or the old Edge
 * (EdgeHTML), where the pane's modern script cannot even be parsed and the pane would stay blank.
 * When the features the pane needs are missing, this shows a French message saying what to install,
 * and marks the page so that the modern script, if it runs at all, stays out of the way.
 * Never minimised nor transpiled (webpack copies it as is); test/deploiement.test.ts parses it as ES5.
 */
(function () {
  var w = window;
  var ua = (w.navigator && w.navigator.userAgent) || "";
  var ancien = /Trident\/|MSIE /.test(ua) ||
    typeof w.Promise === "undefined" ||
    typeof w.customElements === "undefined" ||
    typeof Array.prototype.flatMap !== "function";
  if (!ancien) return;
  w.__cncNavigateurNonPrisEnCharge = true;

  function texte(parent, balise, contenu) {
    var el = document.createElement(balise);
    el.appendChild(document.createTextNode(contenu));
    parent.appendChild(el);
    return el;
  }

  function afficher() {
    var corps = document.body;
    while (corps.firstChild) corps.removeChild(corps.firstChild);
    var bloc = document.createElement("div");
    bloc.setAttribute("role", "alert");
    bloc.setAttribute("data-role", "navigateur-non-pris-en-charge");
    bloc.style.fontFamily = "Segoe UI, Arial, sans-serif";
    bloc.style.padding = "12px";
    texte(bloc, "h1", "CNC Conformité");
    texte(bloc, "h2", "Navigateur non pris en charge");
    texte(bloc, "p", "Cette version d'Excel affiche les compléments avec un ancien moteur (Internet Explorer ou l'ancien Edge), que le volet CNC Conformité ne prend pas en charge.");
    var liste = document.createElement("ul");
    texte(liste, "li", "Installez le runtime Microsoft Edge WebView2 (version « Evergreen »), puis redémarrez Excel ;");
    texte(liste, "li", "ou utilisez Microsoft 365 (ou Excel 2021 et ultérieur) à jour, ou Excel sur le web ;");
    texte(liste, "li", "votre service informatique trouvera la marche à suivre dans le guide de déploiement (docs/deploiement.md).");
    bloc.appendChild(liste);
    texte(bloc, "p", "Aucune donnée du classeur n'a été lue ni envoyée.");
    corps.appendChild(bloc);
  }

  if (document.readyState === "loading") {
    document.attachEvent ? document.attachEvent("onreadystatechange", function () {
      if (document.readyState !== "loading") afficher();
    }) : document.addEventListener("DOMContentLoaded", afficher, false);
  } else {
    afficher();
  }
})();
