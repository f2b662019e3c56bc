#!/usr/bin/env node
/**
 * Draws the add-in's icons (assets/icon-16.png … icon-128.png) without any image library or
 * network: a blue rounded square with a white check mark, written as PNG with node's zlib.
 * Run `node assets/generer-icones.js` after changing the drawing; the PNGs are committed.
 */
"use strict";
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const TAILLES = [16, 32, 64, 80, 128];
const FOND = [0x1f, 0x3a, 0x8a]; // bleu
const TRAIT = [0xff, 0xff, 0xff];

/** CRC-32 of PNG chunks. */
const TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function bloc(type, donnees) {
  const longueur = Buffer.alloc(4);
  longueur.writeUInt32BE(donnees.length);
  const corps = Buffer.concat([Buffer.from(type, "ascii"), donnees]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(corps));
  return Buffer.concat([longueur, corps, crc]);
}

/** Distance from point p to segment ab, all in unit coordinates. */
function distanceSegment(px, py, ax, ay, bx, by) {
  const dx = bx - ax, dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** Colour and coverage of one point of the unit square. */
function echantillon(x, y) {
  const r = 0.18; // rounded corners
  const cx = Math.min(Math.max(x, r), 1 - r), cy = Math.min(Math.max(y, r), 1 - r);
  if (Math.hypot(x - cx, y - cy) > r) return null;
  const coche = Math.min(distanceSegment(x, y, 0.24, 0.52, 0.43, 0.71), distanceSegment(x, y, 0.43, 0.71, 0.78, 0.3));
  return coche < 0.075 ? TRAIT : FOND;
}

function png(taille) {
  const SUR = 4; // supersampling for smooth edges
  const lignes = [];
  for (let j = 0; j < taille; j++) {
    const ligne = Buffer.alloc(1 + taille * 4); // filter byte 0, then RGBA
    for (let i = 0; i < taille; i++) {
      const somme = [0, 0, 0, 0];
      for (let sj = 0; sj < SUR; sj++) {
        for (let si = 0; si < SUR; si++) {
          const c = echantillon((i + (si + 0.5) / SUR) / taille, (j + (sj + 0.5) / SUR) / taille);
          if (c) { somme[0] += c[0]; somme[1] += c[1]; somme[2] += c[2]; somme[3] += 1; }
        }
      }
      const o = 1 + i * 4;
      if (somme[3] > 0) {
        ligne[o] = Math.round(somme[0] / somme[3]);
        ligne[o + 1] = Math.round(somme[1] / somme[3]);
        ligne[o + 2] = Math.round(somme[2] / somme[3]);
      }
      ligne[o + 3] = Math.round((255 * somme[3]) / (SUR * SUR));
    }
    lignes.push(ligne);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(taille, 0);
  ihdr.writeUInt32BE(taille, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    bloc("IHDR", ihdr),
    bloc("IDAT", zlib.deflateSync(Buffer.concat(lignes), { level: 9 })),
    bloc("IEND", Buffer.alloc(0)),
  ]);
}

for (const t of TAILLES) {
  fs.writeFileSync(path.join(__dirname, `icon-${t}.png`), png(t));
}
console.log(`Icônes écrites : ${TAILLES.map((t) => `icon-${t}.png`).join(", ")}`);
