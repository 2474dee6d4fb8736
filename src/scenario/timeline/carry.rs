//! An edit made on the map of a month, carried into the document as written.

use crate::scenario::{Change, Demand, Scenario};

/// An edit made on a view of `shown` (the scenario at a month: the map
/// draws it) carried into the document `doc`: whatever the timeline does not
/// change is taken as edited (axes, the settlement line, the map's view,
/// drawn areas, demands added), and a unit moved is found in the document by
/// its guarantor and label. What the snapshot lacks (forces not yet there,
/// the timeline itself) the document keeps.
pub fn carry_edit(doc: &Scenario, shown: &Scenario, edited: &Scenario) -> Scenario {
    let mut out = doc.clone();
    macro_rules! carry {
        ($($field:ident),*) => {$(
            if edited.$field != shown.$field {
                out.$field = edited.$field.clone();
            }
        )*};
    }
    carry!(
        meta,
        horizon_years,
        states,
        axes,
        assumptions,
        simulation,
        map_view,
        slides
    );
    // A line moved on the map of a month that a step's line holds moves
    // that step's line, not the scenario's.
    if edited.settlement_line != shown.settlement_line {
        let moved = out.timeline.steps.iter_mut().rev().find(|s| {
            matches!(&s.change, Change::SettlementLine { line } if *line == shown.settlement_line)
        });
        match moved {
            Some(step) => {
                step.change = Change::SettlementLine {
                    line: edited.settlement_line.clone(),
                }
            }
            None => out.settlement_line = edited.settlement_line.clone(),
        }
    }
    let demands = &mut out.adversary.demands;
    for (i, (before, after)) in shown
        .adversary
        .demands
        .iter()
        .zip(&edited.adversary.demands)
        .enumerate()
    {
        if before != after
            && let Some(d) = demands.get_mut(i)
        {
            let met = d.met;
            *d = Demand {
                met,
                ..after.clone()
            };
        }
    }
    demands.extend(
        edited
            .adversary
            .demands
            .iter()
            .skip(shown.adversary.demands.len())
            .cloned(),
    );
    for (i, (before, after)) in shown
        .arrangements
        .iter()
        .zip(&edited.arrangements)
        .enumerate()
    {
        let Some(a) = out.arrangements.get_mut(i) else {
            continue;
        };
        if before.scope_area != after.scope_area {
            a.scope_area = after.scope_area.clone();
        }
        for (g_before, g_after) in before.guarantors.iter().zip(&after.guarantors) {
            let Some(g) = a.guarantors.iter_mut().find(|g| g.state == g_after.state) else {
                continue;
            };
            for (f_before, f_after) in g_before.forces.iter().zip(&g_after.forces) {
                if f_before != f_after
                    && let Some(f) = g.forces.iter_mut().find(|f| f.label == f_before.label)
                {
                    f.position = f_after.position;
                    f.stationed_in = f_after.stationed_in.clone();
                }
            }
        }
    }
    out
}
