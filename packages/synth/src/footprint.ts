/**
 * Footprints: a partnership's places (local authority districts) and acute trusts. The three named
 * in the partnership plans come bundled (data/footprints.json); `england` covers every district;
 * any other footprint is described in a JSON file of the same shape.
 */
import { existsSync, readFileSync } from 'node:fs';
import { footprintDefinitions, lsoas, stpAcuteTrusts, type FootprintDefinition } from '@footprint/geography';

export interface Place {
  name: string;
  ladCode: string;
  deliverySystem?: string;
}

export interface AcuteTrust {
  odsCode: string;
  name: string;
}

export interface Footprint {
  id: string;
  name: string;
  onsCode?: string;
  places: Place[];
  trusts: AcuteTrust[];
}

/** The shape of footprints.json entries (and of a user-supplied footprint file). */
type FootprintJson = FootprintDefinition;

function stpTrusts(): { stp: string; stpName: string; odsCode: string; name: string }[] {
  return stpAcuteTrusts().map((r) => ({ stp: r.stpCode, stpName: r.stpName, odsCode: r.odsCode, name: titleCaseTrust(r.name) }));
}

/** "Hospital Services NHS Trust" names in the lookup are title case with "And"/"Of"; lower them. */
function titleCaseTrust(name: string): string {
  return name.replace(/ (And|Of|The) /g, (m) => m.toLowerCase());
}

function fromJson(json: FootprintJson, source: string): Footprint {
  if (!json || typeof json.id !== 'string' || typeof json.name !== 'string' || !Array.isArray(json.places) || json.places.length === 0) {
    throw new Error(`${source}: a footprint needs "id", "name" and a non-empty "places" list of { name, lad19_code }`);
  }
  const system = new Map<string, string>();
  for (const ds of json.delivery_systems ?? []) for (const p of ds.places) system.set(p, ds.name);
  const known = new Set(lsoas().map((l) => l.ladCode));
  const unknown = json.places.filter((p) => !known.has(p.lad19_code)).map((p) => `${p.name} (${p.lad19_code})`);
  if (unknown.length) {
    throw new Error(`${source}: these places are not 2019 local authority district codes in the LSOA data: ${unknown.join(', ')}`);
  }
  let trusts: AcuteTrust[] = (json.trusts ?? []).map((t) => ({ odsCode: t.ods_code, name: t.name }));
  if (trusts.length === 0 && json.ons_code) {
    trusts = stpTrusts()
      .filter((t) => t.stp === json.ons_code)
      .map((t) => ({ odsCode: t.odsCode, name: t.name }));
  }
  if (trusts.length === 0) {
    throw new Error(`${source}: no acute trusts: give "ons_code" of a 2017/18 STP (E54000005-E54000048) or a "trusts" list of { ods_code, name }`);
  }
  return {
    id: json.id,
    name: json.name,
    onsCode: json.ons_code,
    places: json.places.map((p) => ({ name: p.name, ladCode: p.lad19_code, deliverySystem: system.get(p.name) })),
    trusts,
  };
}

/** Every district in England as one footprint (with every trust in the STP lookup). */
function england(): Footprint {
  const places = new Map<string, string>();
  for (const l of lsoas()) if (!places.has(l.ladCode)) places.set(l.ladCode, l.ladName);
  const trusts = new Map<string, string>();
  for (const t of stpTrusts()) trusts.set(t.odsCode, t.name);
  return {
    id: 'england',
    name: 'England',
    places: [...places].map(([ladCode, name]) => ({ name, ladCode })),
    trusts: [...trusts].map(([odsCode, name]) => ({ odsCode, name })),
  };
}

/** Ids of the bundled footprints (plus `england`). */
export function bundledFootprintIds(): string[] {
  return [...footprintDefinitions().map((f) => f.id), 'england'];
}

/**
 * Resolves a footprint from a bundled id (`cheshire-and-merseyside`), its STP ONS code
 * (`E54000008`), `england`, or the path of a JSON file describing one. An STP code whose places are
 * not described gets an error saying how to describe it.
 */
export function resolveFootprint(spec: string): Footprint {
  if (spec === 'england') return england();
  const bundled = footprintDefinitions();
  const match = bundled.find((f) => f.id === spec || f.ons_code === spec);
  if (match) return fromJson(match, `footprint ${spec}`);
  if (spec.endsWith('.json')) {
    if (!existsSync(spec)) throw new Error(`Footprint file ${spec} does not exist`);
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(spec, 'utf8'));
    } catch (err) {
      throw new Error(`Footprint file ${spec} is not valid JSON: ${(err as Error).message}`);
    }
    const list = (parsed as { footprints?: FootprintJson[] }).footprints;
    return fromJson(Array.isArray(list) ? list[0] : (parsed as FootprintJson), spec);
  }
  const stp = stpTrusts().find((t) => t.stp === spec);
  if (stp) {
    throw new Error(
      `${spec} (${stp.stpName}) is a 2017/18 STP, but its places are not described here. Describe it in a JSON file ` +
        `({ "id", "name", "ons_code": "${spec}", "places": [{ "name", "lad19_code" }] }) and pass its path as the footprint.`,
    );
  }
  throw new Error(`Unknown footprint "${spec}": use one of ${bundledFootprintIds().join(', ')}, an STP ONS code or a footprint JSON file`);
}
