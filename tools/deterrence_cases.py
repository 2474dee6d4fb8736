#!/usr/bin/env python3
"""Builds the deterrence backtest's cases that format version 2 made
expressible (conditional commitments, non-aggression pacts, basing without a
duty to defend, advisers) from docs/deterrence-sources.json into
assets/backtest/, by the backtest's conventions for every case: a ten-year
horizon from the case date, every assumption at its catalogue default, the
sources' likely figures. The outcome goes only into assets/backtest/cases.json.
Run: python3 tools/deterrence_cases.py
"""
import json
import os

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIGURES = ["gdp_usd_bn", "defence_pct_gdp", "active_troops", "reserve_troops", "population_m"]


def state(s):
    o = {"name": s["name"]}
    for k in FIGURES:
        o[k] = float(s[k])
    o["nato_since"] = 0
    o["nuclear"] = bool(s.get("nuclear", False))
    # The deterrence cases count no air forces (no dated counts were
    # collected); without this a state of the reference table would take
    # today's.
    o["combat_aircraft"] = 0.0
    if s.get("capital"):
        o["capital"] = {"lon": s["capital"]["lon"], "lat": s["capital"]["lat"]}
    return {"id": s["id"], "overrides": o}


def force(f):
    return {"label": f["label"], "kind": f["kind"], "troops": float(f["troops"]),
            "quality": float(f.get("quality", 1.0)), "arrival_days": float(f["arrival_days"]),
            "stationed_in": f["stationed_in"]}


def guarantor(g, basing):
    out = {"state": g["state"], "obligation": "basing" if basing else g["obligation"],
           "formality": g["formality"], "trigger": g["trigger"],
           "trigger_wording": g.get("trigger_wording", ""),
           "forces": [force(f) for f in g.get("forces", []) if f["troops"] > 0]}
    if g.get("conditional_on"):
        out["conditional_on"] = g["conditional_on"]
    return out


def arrangement(a):
    basing = bool(a.get("basing_without_duty"))
    out = {"id": a["id"], "name": a["name"], "kind": a["kind"],
           "protected_states": a["protected_states"],
           "guarantors": [guarantor(g, basing) for g in a.get("guarantors", [])],
           "notes": a.get("notes", "")}
    if a.get("non_aggression_pact"):
        out["non_aggression_pact"] = True
    return out


def place(p):
    return {"name": p["name"], "lon": p["lon"], "lat": p["lat"]}


def notes(case):
    lines = [f"# {case['name']}", "",
             "A case of the deterrence backtest, built by `tools/deterrence_cases.py` from "
             "`docs/deterrence-sources.json` (see `docs/DETERRENCE-SOURCES.md`, which gives each figure's "
             "source and range) without reference to the outcome.", "",
             "**Backtest conventions** (same for every case, see `docs/MODEL.md`): the horizon is the ten "
             "years after the case date; all uncertain parameters take their catalogue defaults; money "
             "figures are Maddison Project Database 2023 estimates in approximate 2024 dollars, so only "
             "ratios between the states of one case matter.", "", "## Sources", ""]
    for s in case["states"]:
        lines.append(f"- **{s['name']}**: {s.get('source', '')}")
    a = case["adversary"]
    lines.append(f"- **The adversary's forces and demands**: {a.get('source', '')}")
    for ar in case["arrangements"]:
        for g in ar.get("guarantors", []):
            if g.get("source"):
                lines.append(f"- **{ar['name']}**: {g['source']}")
    for x in case["axes"]:
        lines.append(f"- **Axis {x['name']}**: {x.get('source', '')}")
    return "\n".join(lines) + "\n"


# Where forces stand in a state the sources do not describe (a base only):
# its capital, and placeholder figures the engine does not use for a host.
HOSTS = {"JPN": ("Japan (US bases, 1950)", {"lon": 139.69, "lat": 35.69})}


def hosts(case):
    listed = {s["id"] for s in case["states"]}
    out = []
    for a in case["arrangements"]:
        for g in a.get("guarantors", []):
            for f in g.get("forces", []):
                host = f["stationed_in"]
                if host not in listed and host in HOSTS:
                    name, capital = HOSTS[host]
                    out.append({"id": host, "overrides": {
                        "name": name, "gdp_usd_bn": 1.0, "defence_pct_gdp": 1.0, "active_troops": 0.0,
                        "reserve_troops": 0.0, "population_m": 1.0, "nato_since": 0, "nuclear": False,
                        "capital": capital, "combat_aircraft": 0.0}})
                    listed.add(host)
    return out


def main():
    data = json.load(open(os.path.join(ROOT, "docs/deterrence-sources.json")))
    cases_path = os.path.join(ROOT, "assets/backtest/cases.json")
    listed = json.load(open(cases_path))
    for case in data["cases"]:
        a = case["adversary"]
        scenario = {
            "format_version": 2,
            "meta": {"title": case["name"], "author": "Bulwark backtest", "date": case["case_date"],
                     "notes": notes(case)},
            "horizon_years": 10.0,
            "states": [state(s) for s in case["states"]] + hosts(case),
            "adversary": {"state": a["state"], "theatre_troops": float(a["theatre_troops"]),
                          "combat_aircraft": 0.0,
                          "demands": [{"kind": d["kind"], "weight": d["weight"], "text": d.get("text", "")}
                                      for d in a.get("demands", [])],
                          "preconditions": []},
            "arrangements": [arrangement(ar) for ar in case["arrangements"]],
            "axes": [{"id": x["id"], "name": x["name"], "defender": x["defender"],
                      "start": place(x["start"]), "objective": place(x["objective"]),
                      "terrain": x["terrain"], "adversary_share": x["adversary_share"],
                      "defender_share": x["defender_share"]} for x in case["axes"]],
        }
        name = case["id"] + ".bulwark.json"
        with open(os.path.join(ROOT, "assets/backtest", name), "w") as f:
            json.dump(scenario, f, indent=2, ensure_ascii=False)
            f.write("\n")
        o = case["outcome"]
        entry = {"file": name, "attacked": o["attacked"], "outcome": o["text"], "source": o.get("source", "")}
        listed = [e for e in listed if e["file"] != name] + [entry]
    with open(cases_path, "w") as f:
        json.dump(listed, f, indent=2, ensure_ascii=False)
        f.write("\n")


if __name__ == "__main__":
    main()
