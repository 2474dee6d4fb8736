#!/usr/bin/env python3
"""Writes the two sequencing examples (saves/sequencing-*.bulwark.json) from the
coalition example: the same settlement steps in two orders. Run from the
repository root; the examples are then committed as data (the app bakes them in).
The months are assumptions; each step's notes say what it stands for."""
import copy
import json

BASE = "saves/coalition-guarantee.bulwark.json"

NEUTRALITY = {
    "kind": "constitutional_neutrality",
    "text": "Ukraine writes non-alignment into its constitution (the 2022 Istanbul draft "
            "communique and the reported 28-point draft of Nov 2025 both asked for it); in "
            "force only from its timeline step.",
}

STEPS = {
    "signed": {
        "name": "Coalition guarantee signed",
        "change": {"kind": "arrangement", "arrangement": "coalition", "status": "signed"},
        "notes": "The guarantee as an executive agreement, no troops yet (assumption).",
    },
    "deploys": {
        "name": "Reassurance force deploys",
        "change": {"kind": "arrangement", "arrangement": "coalition", "status": "activated"},
        "notes": "The UK and French contingents in Ukraine; the coalition planned its force to "
                 "follow a ceasefire (as reported, 2025). Month assumed.",
    },
    "talks": {
        "name": "\"Root causes\" talks conclude",
        "change": {"kind": "demand_met", "demand": "root_causes", "met": 1.0},
        "notes": "Russia's precondition settled to its satisfaction (assumption: wholly).",
    },
    "neutrality": {
        "name": "Neutrality in the constitution",
        "change": {"kind": "restraint", "arrangement": "coalition",
                   "restraint": "constitutional_neutrality", "in_force": True},
        "notes": "A constitutional amendment takes time (Ukraine's constitution cannot be "
                 "amended under martial law, Art. 157); month assumed.",
    },
    "rebuild": {
        "name": "Russia rebuilds its forces",
        "change": {"kind": "adversary_rebuilds",
                   "troops_per_year": {"low": 0, "likely": 30000, "high": 60000},
                   "up_to": 750000},
        "notes": "Assumption: 0 to 60,000 a year, most likely 30,000 (the Monte Carlo draws it). The Danish Defence "
                 "Intelligence Service (Intelligence Outlook, Feb 2025 update) judged that, with "
                 "the war over and NATO not rearming, Russia could be ready for a regional war in "
                 "the Baltic region within about two years.",
    },
}


def step(key, month, after=None):
    s = {"id": key, "name": STEPS[key]["name"], "month": month, "change": STEPS[key]["change"],
         "notes": STEPS[key]["notes"]}
    if after:
        s["after"] = after
    return s


ORDERS = {
    "guarantee-first": {
        "title": "Sequencing: the guarantee first, then the talks",
        "steps": [step("rebuild", 0), step("signed", 0), step("deploys", 3), step("talks", 18),
                  step("neutrality", 24)],
        "argument": "The guarantee comes first, at the ceasefire, and Russia's \"root causes\" "
                    "and Ukraine's neutrality are negotiated afterwards: Europe's order. Look for "
                    "the commitment problem it leaves Ukraine (once guaranteed, it gains by not "
                    "writing neutrality into its constitution) and for the short window before the "
                    "force deploys.",
        "other": "sequencing-root-causes-first",
    },
    "root-causes-first": {
        "title": "Sequencing: \"root causes\" first, then guarantees",
        "steps": [step("rebuild", 0), step("talks", 6), step("neutrality", 12),
                  step("signed", 12, after="talks"), step("deploys", 18, after="signed")],
        "argument": "Russia's order: \"security guarantees ... only if and when 'root causes' are "
                    "satisfactorily addressed ... In that order must negotiations proceed\" (as "
                    "quoted in the essay). The same steps as `sequencing-guarantee-first`, later "
                    "guarantees: look for the window of vulnerability until the force deploys and "
                    "for Russia's commitment problem (once its demands are met, it gains by "
                    "reneging before the guarantee arrives).",
        "other": "sequencing-guarantee-first",
    },
}


def main():
    base = json.load(open(BASE))
    for name, order in ORDERS.items():
        s = copy.deepcopy(base)
        s["meta"]["title"] = order["title"]
        s["meta"]["notes"] = notes(order, base["meta"]["notes"])
        s["arrangements"][0]["restraints"].append(NEUTRALITY)
        s["timeline"] = {"period": "year", "steps": order["steps"]}
        s["slides"] = [
            {"title": "Step by step", "content": {"type": "timeline", "view": base["map_view"]},
             "notes": "One slide per phase: what is in force by each month, and the chance of attack in that year. The shading marks windows of vulnerability (red) and commitment problems (yellow)."},
            {"title": order["title"], "content": {"type": "plot", "plot": "over_time", "state": "UKR"},
             "notes": "The chance of attack year by year and cumulated; the shaded windows are where the order of steps leaves Ukraine exposed or a side tempted to renege."},
            {"title": "Deterrence against acceptability", "content": {"type": "plot", "plot": "acceptability_deterrence"},
             "notes": "Open both sequencing examples to compare the two orders on one chart."},
        ]
        with open(f"saves/sequencing-{name}.bulwark.json", "w") as f:
            json.dump(s, f, indent=2, ensure_ascii=False)
            f.write("\n")


def notes(order, base_notes):
    sources = base_notes[base_notes.index("## Sources"):]
    return f"""# {order['title']}

**What this scenario represents.** The coalition example (`coalition-guarantee`) as a sequence
of steps after a ceasefire rather than one snapshot: the guarantee signed, the reassurance force
deployed, the "root causes" talks concluded, neutrality written into Ukraine's constitution, and
Russia rebuilding its forces from the ceasefire on. Every month is an assumption; drag the steps
along the strip under the map to try others.

**The argument it tests.** {order['argument']} Compare with `{order['other']}`: the two files
differ only in the order of the steps.

**The method.** Each stretch between steps is assessed from the scenario as it stands then; the
chance of attack cumulates through them (a piecewise-constant hazard; Fortna 2004 on the
durability of ceasefires). Windows of vulnerability: where Russia's expected gain from attacking
exceeds its expected cost. Commitment problems: Fearon (1995); Walter (2002) on settlements that
fail in their implementation. See `docs/MODEL.md`, "The settlement over time".

{sources}"""


if __name__ == "__main__":
    main()
