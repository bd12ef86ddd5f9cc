// Validate a herstelgraph JSKOS export with gbv's jskos-validate (the JSKOS ecosystem's own
// validator): the registry object, then every scheme, concept and mapping in it on its own,
// concepts against their schemes (option `knownSchemes`). Prints one JSON report; exit 1 on
// any error. Usage: node validate-jskos.mjs FILE
import { readFileSync } from "node:fs"
import { validate } from "jskos-validate"

const doc = JSON.parse(readFileSync(process.argv[2], "utf-8"))
const errors = []
const check = (kind, obj, options) => {
  if (!validate[kind](obj, options)) {
    errors.push({ kind, uri: obj.uri ?? null, messages: validate[kind].errorMessages })
  }
}
check("registry", doc)
const schemes = []
for (const s of doc.schemes ?? []) check("scheme", s, { rememberSchemes: schemes })
for (const c of doc.concepts ?? []) check("concept", c, { knownSchemes: schemes })
for (const m of doc.mappings ?? []) check("mapping", m)
const counts = {
  schemes: (doc.schemes ?? []).length,
  concepts: (doc.concepts ?? []).length,
  mappings: (doc.mappings ?? []).length,
}
console.log(JSON.stringify({ version: validate.version, counts, errors }))
process.exit(errors.length ? 1 : 0)
