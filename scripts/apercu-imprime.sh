#!/usr/bin/env bash
# Printed preview of the example plan for the README (docs/plan-imprime*.png), in French number format.
# Needs LibreOffice and poppler-utils (Debian: libreoffice-calc, poppler-utils); not part of the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
npm run demo >/dev/null
tmp=$(mktemp -d)
mkdir -p "$tmp/profil/user"
# A LibreOffice profile in French: "1 325 000,00 €", VRAI / FAUX, as a French finance team reads them.
cat > "$tmp/profil/user/registrymodifications.xcu" <<'XCU'
<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>fr-FR</value></prop></item>
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooLocale" oor:op="fuse"><value>fr-FR</value></prop></item>
</oor:items>
XCU
node scripts/classeur-en-valeurs.js build/demo/plan-financement.calcule.xlsx "$tmp/plan.xlsx"
(cd "$tmp" && soffice -env:UserInstallation="file://$tmp/profil" --headless --convert-to pdf plan.xlsx >/dev/null)
pdftoppm -png -r 110 -f 1 -l 1 -x 30 -y 40 -W 880 -H 530 "$tmp/plan.pdf" "$tmp/p1"
pdftoppm -png -r 110 -f 1 -l 1 -x 30 -y 565 -W 880 -H 640 "$tmp/plan.pdf" "$tmp/p2"
cp "$tmp/p1-1.png" docs/plan-imprime.png
cp "$tmp/p2-1.png" docs/plan-imprime-dossier.png
echo "docs/plan-imprime.png et docs/plan-imprime-dossier.png écrits"
