// How Thunderbird's address book reads vCard files: ical.js (the parser Thunderbird ships; ICALJS
// names its dist/ical.js) and a port of the field mapping of Thunderbird's VCardUtils
// (translateVCard21, quoted-printable decoding, _parse and typeMap.toAbCard) for the fields Pressdesk
// writes. Taken from ../shared/tools/vcard-clients. Prints {file: [card as Thunderbird's AbCard]}.
const ICAL = (await import(process.env.ICALJS)).default;
import fs from "fs";

function decodeQP(value) {
  const bytes = [];
  for (let i = 0; i < value.length; i++) {
    if (value[i] == "=") { bytes.push(parseInt(value.substr(i + 1, 2), 16)); i += 2; } else bytes.push(value.charCodeAt(i));
  }
  return new TextDecoder().decode(new Uint8Array(bytes));
}

function translateVCard21(v) {
  if (!/\bVERSION:2.1\b/i.test(v)) return v;
  v = v.replace(/\n(([A-Z]+)(;[\w-]*)+):/gi, (m, key) => {
    const p = key.split(";"); const n = [p[0]];
    for (let i = 1; i < p.length; i++) {
      if (p[i] == "") continue;
      if (["HOME", "WORK", "FAX", "PAGER", "CELL"].includes(p[i].toUpperCase())) n.push(`TYPE=${p[i]}`);
      else if (p[i].toUpperCase() == "PREF") n.push("PREF=1");
      else if (p[i].toUpperCase() == "QUOTED-PRINTABLE") n.push("ENCODING=QUOTED-PRINTABLE");
    }
    return "\n" + n.join(";") + ":";
  });
  const softBreak = /(;ENCODING=QUOTED-PRINTABLE[;:][^\r\n]*)=\r?\n/i;
  while (v.match(softBreak)) v = v.replace(softBreak, "$1");
  return v.replace(/(\r?\n)VERSION:2.1\r?\n/i, "$1");
}

const known = new Set(["fn", "email", "nickname", "note", "org", "title", "bday", "anniversary", "n", "adr.home", "adr.work",
  "tel.home", "tel.work", "tel.fax", "tel.pager", "tel.cell", "url.work", "url.home"]);

function abCard(entries) {
  const byName = new Map();
  entries.forEach(([name, params, type, value], index) => {
    let types = params.type || [];
    types = Array.isArray(types) ? types.map(x => x.toLowerCase()) : [types.toLowerCase()];
    if (name == "tel") {
      name = "tel.work";
      for (const x of types) if (["home", "work", "cell", "pager", "fax"].includes(x)) { name = `tel.${x}`; break; }
    }
    if (name == "url") { name = types.includes("home") ? "url.home" : name; name = types.includes("work") ? "url.work" : name; }
    if (!known.has(name) && name != "url") return;
    const pref = parseInt(params.pref, 10) || 101;
    if (!byName.has(name)) byName.set(name, []);
    byName.get(name).push({ index, pref, value });
  });
  if (byName.has("url") && !byName.has("url.work")) byName.set("url.work", byName.get("url"));
  byName.delete("url");
  for (const values of byName.values()) values.sort((a, b) => a.pref == b.pref ? a.index - b.index : a.pref - b.pref);
  const out = {};
  const multi = { n: ["LastName", "FirstName", "AdditionalNames", "NamePrefix", "NameSuffix"], org: ["Company", "Department"] };
  const single = { fn: "DisplayName", email: "PrimaryEmail", title: "JobTitle", "tel.work": "WorkPhone", "tel.cell": "CellularNumber",
    "tel.home": "HomePhone", "tel.fax": "FaxNumber", "url.work": "WebPage1", "url.home": "WebPage2" };
  for (const [name, values] of byName) {
    let v = values[0].value;
    if (multi[name]) {
      if (Array.isArray(v)) {
        v = v.slice();
        for (const k of multi[name]) { const part = v.shift(); if (k && part) out[k] = Array.isArray(part) ? part.join(" ") : part; }
      } else if (typeof v == "string") out[multi[name][0]] = v;
    } else if (single[name]) out[single[name]] = v;
    if (name == "email" && values.length > 1) out.SecondEmail = values[1].value;
  }
  return out;
}

const result = {};
for (const file of process.argv.slice(2)) {
  const text = fs.readFileSync(file, "utf8");
  const cards = text.match(/BEGIN:VCARD[\s\S]*?END:VCARD\r?\n?/g) || [];
  result[file.split("/").pop()] = cards.map(card => {
    try {
      const [, props] = ICAL.parse(translateVCard21(card));
      return abCard(props.map(p => {
        let [name, params, type, value] = p;
        if (p.length > 4) value = p.slice(3);
        if (params.encoding && params.encoding.toUpperCase() == "QUOTED-PRINTABLE") {
          value = Array.isArray(value) ? value.map(decodeQP) : decodeQP(value);
          delete params.encoding; delete params.charset;
        }
        return [name, params, type, value];
      }));
    } catch (e) {
      return { error: e.message };
    }
  });
}
console.log(JSON.stringify(result));
