#!/usr/bin/env python3
"""Builds the campaign backtest's scenario files (assets/campaigns/) from the
sourced inputs in docs/campaign-sources.json, the same way for every case and
without looking at the outcomes (which go, unread by this script's choices,
into assets/campaigns/cases.json for scoring).

How a case becomes a scenario (format version 5), the same rule for all:
- one axis per route (RAND's case has two), terrain and route factor from the
  sources (route_km / great-circle distance, at least 1);
- the attacker's units on the route at the start (units on a parallel or
  converging road, or arriving later, are left out: the engine has no
  attacker reinforcements yet) as the adversary's theatre troops, their mix by
  kind and their troop-weighted quality;
- the defender's units on the route at the start as its active troops (same
  mix and quality rule), the troop-weighted share in position on day 0 as the
  `defender_in_position` assumption, and its later reinforcements as
  reservists, all mobilised (`reserve_mobilised` 1) on their troop-weighted
  mean arrival day (`mobilisation_days`): the engine has one reserve wave;
- guarantor reinforcements (RAND's case) as forces of a NATO guarantee whose
  credibility is 1, the games' premise;
- each side's combat aircraft (the sources' likely figure) as the
  adversary's `combat_aircraft` and the defender's, the attack a surprise
  when the sources call it strategic or tactical surprise; in RAND's case
  NATO's aircraft as a force of the guarantee, in reach of both routes;
- where the sources count the defender's aircraft destroyed on the first day
  (1941, 1967), that count over its aircraft as the `first_strike_share`
  assumption (its low and high from the count's);
- a case by sea and by air (Oslo 1940) has two axes to the objective, each
  with the attacker's units tagged for it (its share of the troops): the sea
  route across water from the fjord's mouth, landing its first wave on day 0
  and the sources' later lift a day; the air route from the airfield where
  the air-landing force came down, by air at the air lift a day, its first
  wave landing when the sources say; the
  defender's units tagged for one route defend only that one (the rest of
  its forces defend both); the objective falls with the first axis to reach it;
- the defender's units the sources put behind the forward defence at the
  start (a second line, a main line behind a covering force, a reserve) at a
  named place short of the objective, as defence lines there, each with its
  units' share of the defender's troops on the route; the rest at the front;
- the rivers the sources name on the route (a crossing fought or a bridge
  blown or taken) as the axis's river crossings, each with its bridges as
  the sources say;
- every other assumption keeps its catalogue default.
Economic figures are placeholders (the campaign uses only forces).
Run: python3 tools/campaign_cases.py
"""
import json
import math
import os
import re

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
KINDS = ["armoured", "mechanised", "motorised", "airborne", "marines", "artillery", "air_defence",
         "foot_infantry"]
# Cases whose outcome the engine cannot score: a siege, a ceasefire.
NOT_SCORED = {
    "poland_1939_warsaw": "Warsaw's outskirts were reached on day 7 but the city fell on day 26 after a siege, which the engine does not model.",
    "georgia_2008_gori": "Russian forces stopped at Gori under a ceasefire; the time says as much about the decision to stop as about the campaign.",
}
FILE_NAMES = {
    "france_1940_sedan_abbeville": "france-1940",
    "barbarossa_1941_brest_minsk": "barbarossa-1941",
    "sinai_1967": "sinai-1967",
    "iraq_2003_kuwait_baghdad": "iraq-2003",
    "kherson_2022": "kherson-2022",
    "kyiv_2022": "kyiv-2022",
    "winter_war_1939_isthmus": "winter-war-1939",
    "oslo_1940_weserubung": "oslo-1940",
    "kuwait_1990": "kuwait-1990",
    "rand_baltic_2016": "rand-baltic-2016",
    "korea_1950_seoul": "korea-1950",
    "georgia_2008_gori": "georgia-2008",
    "poland_1939_warsaw": "poland-1939",
}


def km(a, b):
    r = 6371.0
    la1, lo1, la2, lo2 = map(math.radians, (a["lat"], a["lon"], b["lat"], b["lon"]))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * r * math.asin(math.sqrt(h))


def on_route(unit):
    return not unit.get("axis") and not unit.get("arrival_day")


def value(x):
    return x["likely"] if isinstance(x, dict) else x


def forces(units):
    """Troops, the composition (shares = troops x quality by kind) and the
    troop-weighted quality: together they give each kind's troops x quality."""
    troops = sum(u["troops"] for u in units)
    mix = {k: 0.0 for k in KINDS}
    for u in units:
        mix[u["kind"]] += u["troops"] * u.get("quality", 1.0)
    weighted = sum(mix.values())
    quality = weighted / troops if troops else 1.0
    mix = {k: round(v / weighted, 4) if weighted else 0.0 for k, v in mix.items()}
    return troops, mix, round(quality, 3)


def state(id_, name, troops, mix, quality, capital, reserve=0.0, aircraft=0.0):
    out = {
        "id": id_,
        "overrides": {
            "name": name,
            "gdp_usd_bn": 1.0,
            "defence_pct_gdp": 1.0,
            "active_troops": float(troops),
            "reserve_troops": float(reserve),
            "population_m": 1.0,
            "composition": mix,
            "quality": quality,
            "capital": {"lon": capital["lon"], "lat": capital["lat"]},
        },
    }
    if aircraft:
        out["overrides"]["combat_aircraft"] = float(aircraft)
    return out


def exact(v):
    return {"low": v, "likely": v, "high": v}


def place(p):
    return {"name": p["name"], "lon": p["lon"], "lat": p["lat"]}


def sources(units):
    seen = []
    for u in units:
        s = u.get("source", "")
        if s and s not in seen:
            seen.append(s)
    return seen


def notes(case, att_units, def_units, reinf):
    lines = [f"# {case['name']}", "",
             "A case of the campaign backtest, built by `tools/campaign_cases.py` from the sourced inputs in "
             "`docs/campaign-sources.json` (see `docs/CAMPAIGN-SOURCES.md`), by the same rule for every case and "
             "without reference to the outcome. Economic figures are placeholders: only the forces count here.", "",
             "**Attacker, on the route at the start:**", ""]
    for u in att_units:
        lines.append(f"- {u['label']}: {u['kind']}, {u['troops']:,} troops, quality {u.get('quality', 1.0)}")
    lines += ["", "**Defender, on the route at the start:**", ""]
    for u in def_units:
        lines.append(f"- {u['label']}: {u['kind']}, {u['troops']:,} troops, quality {u.get('quality', 1.0)}, "
                     f"{int(round(100 * u.get('in_position_day0', 1.0)))}% in position on day 0")
    if reinf:
        lines += ["", "**Reinforcements (as one reserve wave on their mean arrival day):**", ""]
        for u in reinf:
            lines.append(f"- {u['label']}: {u['kind']}, {u['troops']:,} troops, day {u.get('arrival_day', 0)}")
    air = [(who, case[who].get("combat_aircraft")) for who in ("attacker", "defender")]
    lines += ["", "**Combat aircraft:**", ""]
    for who, a in air:
        if isinstance(a, dict):
            lines.append(f"- {who}: {a.get('likely')} ({a.get('source', '')})")
    s = case["surprise"]
    if isinstance(s, dict):
        lines += ["", f"**Surprise:** {s.get('value')} ({s.get('source', '')})"]
    if case.get("mode") == "sea_and_air":
        lift = case["attacker"]["lift_troops_per_day"]
        lines += ["", "**Lift:** by sea "
                  f"{lift['sea']['day0']:,} troops on day 0, then {value(lift['sea']['later_per_day']):,} a day; "
                  f"by air {value(lift['air']):,} a day from about day "
                  f"{value(lift['air'].get('first_landing_day', 0))} ({lift['air'].get('source', '')})"]
    behind = [u for u in def_units if u.get("stands_at")]
    if behind:
        lines += ["", "**Defence lines behind the front (where the sources put those units at the start; "
                  "the rest stand at the front):**", ""]
        for u in behind:
            lines.append(f"- {u['stands_at']['name']}: {u['label']} ({u['stands_at']['source']})")
    if case.get("rivers"):
        lines += ["", "**River crossings on the route:**", ""]
        for r in case["rivers"]:
            lines.append(f"- {r['name']}: bridges {r['bridges']} ({r['source']})")
    lines += ["", "Left out: attacker units on a parallel road or arriving later (the engine has no "
              "attacker reinforcements beyond the lift).",
              "", "**Sources:**", ""]
    for s in sources(att_units + def_units + reinf):
        lines.append(f"- {s}")
    return "\n".join(lines) + "\n"


def defence_lines(units, troops):
    """The lines behind the front where the sources put some of the defender's
    units at the start (`stands_at`), each with its units' share of the
    defender's troops on the route, in the order the sources list them."""
    lines = {}
    for u in units:
        at = u.get("stands_at")
        if at:
            line = lines.setdefault(at["name"], {"name": at["name"], "lon": at["lon"],
                                                 "lat": at["lat"], "share": 0.0})
            line["share"] += u["troops"] / troops
    return [dict(line, share=round(line["share"], 4)) for line in lines.values()]


def build(case):
    if case.get("mode") == "sea_and_air":
        return build_sea_and_air(case)
    att = [u for u in case["attacker"]["units"] if on_route(u)]
    dfd = [u for u in case["defender"]["units"] if not u.get("axis")]
    reinf = list(case["defender"].get("reinforcements", []))
    troops, mix, quality = forces(att)
    routes = case.get("axes") or [{
        "id": "route", "start": case["start"], "objective": case["objective"],
        "route_km": case["route_km"], "terrain": case["terrain"],
    }]
    multi = len(routes) > 1
    states, axes, arrangements = [], [], []
    start = routes[0]["start"]
    states.append(state("ATTACKER", case["attacker"]["state"], troops, mix, quality, start))
    att_air = value(case["attacker"].get("combat_aircraft") or 0)
    def_air = value(case["defender"].get("combat_aircraft") or 0)
    surprise = case["surprise"].get("value") in ("strategic", "tactical")
    in_position_sum, defenders = 0.0, 0.0
    assumptions = {}
    destroyed = (case["defender"].get("combat_aircraft") or {}).get("destroyed_first_day")
    if destroyed and def_air:
        share = {k: round(min(destroyed[k] / def_air, 1.0), 3) for k in ("low", "likely", "high")}
        assumptions["first_strike_share"] = share
    guarantor_forces = []
    for i, r in enumerate(routes):
        did = f"DEFENDER{i + 1}" if multi else "DEFENDER"
        share = 1.0 / len(routes)
        # RAND's two routes: each Baltic state's own brigade on its own route;
        # forces given for both (artillery) split between them.
        mine = [u for u in dfd if not multi or
                (i == 0 and "Eston" in u["label"]) or (i == 1 and "Latvia" in u["label"]) or
                ("Eston" not in u["label"] and "Latvia" not in u["label"])]
        split = [dict(u, troops=u["troops"] * (share if multi and "Eston" not in u["label"] and "Latvia" not in u["label"] else 1.0)) for u in mine]
        d_troops, d_mix, d_quality = forces(split)
        own_reinf = [] if multi else reinf
        reserve = sum(u["troops"] for u in own_reinf)
        name = case["defender"]["state"] if not multi else ["Estonia", "Latvia"][i]
        states.append(state(did, name, d_troops, d_mix, d_quality, r["objective"], reserve,
                            0.0 if multi else def_air))
        in_position_sum += sum(u["troops"] * u.get("in_position_day0", 1.0) for u in split)
        defenders += d_troops
        great = km(r["start"], r["objective"])
        route = value(r["route_km"])
        axes.append({
            "id": r["id"] if multi else "route",
            "name": f"{r['start']['name']} → {r['objective']['name']}",
            "defender": did,
            "start": place(r["start"]),
            "objective": place(r["objective"]),
            "route_factor": round(min(max(route / great, 1.0), 5.0), 3) if great > 0 else 1.0,
            "terrain": value(r["terrain"]) if not isinstance(r["terrain"], dict) else r["terrain"]["value"],
            "adversary_share": share,
            "defender_share": 1.0,
        })
        rivers = r.get("rivers", case.get("rivers", [])) if not multi else r.get("rivers", [])
        if rivers:
            axes[-1]["river_crossings"] = [
                {"name": x["name"], "lon": x["lon"], "lat": x["lat"], "bridges": x["bridges"]}
                for x in rivers]
        lines = defence_lines(split, d_troops)
        if lines:
            axes[-1]["defence_lines"] = lines
        if own_reinf:
            days = sum(u["troops"] * u.get("arrival_day", 0) for u in own_reinf) / reserve
            assumptions["mobilisation_days"] = exact(round(days, 2))
            assumptions["reserve_mobilised"] = exact(1.0)
    if multi:
        # NATO's rapid forces, flown or driven in; the games assumed NATO fights.
        for j, u in enumerate(reinf):
            guarantor_forces.append({
                "label": u["label"], "kind": u["kind"], "troops": float(u["troops"]),
                "quality": u.get("quality", 1.0), "arrival_days": float(u.get("arrival_day", 0)),
                "stationed_in": "DEFENDER2" if j % 2 == 0 else "DEFENDER1",
            })
        if def_air:
            guarantor_forces.append({
                "label": "NATO combat aircraft", "kind": "combat_aircraft", "troops": float(def_air),
                "quality": 1.0, "reach_km": 20000.0, "arrival_days": 0.0, "stationed_in": "NATO",
            })
        states.append(state("NATO", "NATO rapid forces", 1, {"motorised": 1.0}, 1.0, routes[0]["objective"]))
        arrangements.append({
            "id": "article5", "name": "North Atlantic Treaty, Article 5", "kind": "nato_membership",
            "protected_states": ["DEFENDER1", "DEFENDER2"],
            "guarantors": [{"state": "NATO", "obligation": "defence", "formality": "ratified_treaty",
                            "trigger": "as_it_deems_necessary", "credibility": 1.0,
                            "forces": guarantor_forces}],
        })
    if defenders > 0:
        assumptions["defender_in_position"] = exact(round(in_position_sum / defenders, 3))
    day0 = case["dates"]["day0"]
    scenario = {
        "format_version": 6,
        "meta": {"title": case["name"], "author": "Bulwark campaign backtest",
                 "date": day0 if re.fullmatch(r"\d{4}-\d{2}-\d{2}", day0) else "",
                 "notes": notes(case, att, dfd, reinf)},
        "horizon_years": 1.0,
        "states": states,
        "adversary": {"state": "ATTACKER", "theatre_troops": float(troops),
                      "combat_aircraft": float(att_air), "surprise": surprise,
                      "demands": [], "preconditions": []},
        "arrangements": arrangements,
        "axes": axes,
        "assumptions": assumptions,
        "simulation": {"samples": 2000, "seed": 1},
    }
    outcome = case["outcome"]
    entry = {
        "file": FILE_NAMES[case["id"]] + ".bulwark.json",
        "axis": axes[0]["id"],
        "days": outcome.get("days_to_objective") if not outcome.get("held") else None,
        "scored": case["id"] not in NOT_SCORED,
        "outcome": outcome.get("note") or NOT_SCORED.get(case["id"], ""),
        "source": outcome.get("source", ""),
    }
    if case["id"] in NOT_SCORED:
        entry["outcome"] = NOT_SCORED[case["id"]]
    return scenario, entry


def build_sea_and_air(case):
    att = [u for u in case["attacker"]["units"] if not u.get("axis")]
    dfd = list(case["defender"]["units"])
    troops, mix, quality = forces(att)
    d_troops, d_mix, d_quality = forces(dfd)
    lift = case["attacker"]["lift_troops_per_day"]
    landing = case["air_landing"]
    routes = [
        ("sea", case["start"], case["route_km"], case["terrain"]["value"], "water",
         lift["sea"]["day0"], value(lift["sea"]["later_per_day"])),
        ("air", landing, landing["route_km"], landing["terrain"]["value"], "air",
         None, value(lift["air"])),
    ]
    axes = []
    for rid, start, route_km, terrain, crossing, first, per_day in routes:
        on = sum(u["troops"] for u in att if u.get("route") == rid)
        defending = sum(u["troops"] for u in dfd if u.get("route") in (None, rid))
        great = km(start, case["objective"])
        axis = {
            "id": rid,
            "name": f"{start['name']} → {case['objective']['name']}",
            "defender": "DEFENDER",
            "start": place(start),
            "objective": place(case["objective"]),
            "route_factor": round(min(max(value(route_km) / great, 1.0), 5.0), 3),
            "terrain": terrain,
            "adversary_share": round(on / troops, 4),
            "defender_share": round(defending / d_troops, 4),
            "crossing": crossing,
            "lift_per_day": float(per_day),
        }
        if first is not None:
            axis["lift_first_wave"] = float(first)
        landing = lift[rid].get("first_landing_day")
        if landing:
            axis["landing_day"] = value(landing)
        axes.append(axis)
    in_position = sum(u["troops"] * u.get("in_position_day0", 1.0) for u in dfd) / d_troops
    day0 = case["dates"]["day0"]
    scenario = {
        "format_version": 6,
        "meta": {"title": case["name"], "author": "Bulwark campaign backtest",
                 "date": day0, "notes": notes(case, att, dfd, [])},
        "horizon_years": 1.0,
        "states": [
            state("ATTACKER", case["attacker"]["state"], troops, mix, quality, case["start"]),
            state("DEFENDER", case["defender"]["state"], d_troops, d_mix, d_quality,
                  case["objective"], 0.0, value(case["defender"].get("combat_aircraft") or 0)),
        ],
        "adversary": {"state": "ATTACKER", "theatre_troops": float(troops),
                      "combat_aircraft": float(value(case["attacker"].get("combat_aircraft") or 0)),
                      "surprise": case["surprise"].get("value") in ("strategic", "tactical"),
                      "demands": [], "preconditions": []},
        "arrangements": [],
        "axes": axes,
        "assumptions": {"defender_in_position": exact(round(in_position, 3))},
        "simulation": {"samples": 2000, "seed": 1},
    }
    outcome = case["outcome"]
    entry = {
        "file": FILE_NAMES[case["id"]] + ".bulwark.json",
        "axis": "sea",
        "also": ["air"],
        "days": outcome.get("days_to_objective"),
        "scored": True,
        "outcome": outcome.get("note", ""),
        "source": outcome.get("source", ""),
    }
    return scenario, entry


def main():
    data = json.load(open(os.path.join(ROOT, "docs/campaign-sources.json")))
    entries = []
    for case in data["cases"]:
        scenario, entry = build(case)
        path = os.path.join(ROOT, "assets/campaigns", entry["file"])
        with open(path, "w") as f:
            json.dump(scenario, f, indent=2, ensure_ascii=False)
            f.write("\n")
        entries.append(entry)
    with open(os.path.join(ROOT, "assets/campaigns/cases.json"), "w") as f:
        json.dump(entries, f, indent=2, ensure_ascii=False)
        f.write("\n")


if __name__ == "__main__":
    main()
