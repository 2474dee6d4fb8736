//! Validation of a scenario beyond what its types enforce: ranges, references
//! between parts of the document, duplicates and size limits. Every problem names
//! the JSON path of the field, in the form `arrangements[1].guarantors[0].credibility`.

use std::collections::HashSet;
use std::fmt;

use super::parameters;
use super::reference;
use super::types::{
    Adversary, Arrangement, Axis, GeoPoint, Guarantor, LinePreset, Restraint, RestraintKind,
    Scenario, SlideContent,
};

/// Most states a scenario may involve.
pub const MAX_STATES: usize = 300;
/// Most points of a line or an area drawn on the map.
const MAX_RING: usize = 10_000;

/// Most arrangements, axes, guarantors per arrangement, demands…: any list not
/// given its own limit below.
pub const MAX_LIST: usize = 200;
/// Most river crossings on one axis's route.
pub const MAX_RIVERS: usize = 50;
/// Most defence lines behind one axis's front.
pub const MAX_DEFENCE_LINES: usize = 50;
/// Most slides in a deck.
pub const MAX_SLIDES: usize = 500;
/// The latest month a timeline step or slide may name: the longest horizon's
/// end (50 years).
pub const MAX_MONTH: f64 = 600.0;
/// Most Monte Carlo draws a scenario may ask for.
pub const MAX_SAMPLES: u32 = 1_000_000;
/// Longest free text (notes, descriptions), characters.
pub const MAX_TEXT: usize = 200_000;
/// Longest name or id, characters.
pub const MAX_NAME: usize = 300;

/// One thing wrong with a scenario: where, and what.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// JSON path of the field, e.g. `arrangements[1].guarantors[0].credibility`.
    pub path: String,
    /// What is wrong, in plain words.
    pub message: String,
}

/// Longest path or message a problem keeps, characters: a value from the file
/// quoted in a message (a 1 MB date, a 5 MB key) is cut short beyond it.
pub const MAX_MESSAGE: usize = 400;

impl Problem {
    /// A problem at `path`, both it and the message cut to [`MAX_MESSAGE`]
    /// characters with the full length said.
    pub fn new(path: &str, message: impl Into<String>) -> Self {
        Self {
            path: elide(path, MAX_MESSAGE / 2),
            message: elide(&message.into(), MAX_MESSAGE),
        }
    }
}

/// `text` cut to `max` characters, saying how long it was: `'xxxx…' (1,048,576 characters)`.
pub fn elide(text: &str, max: usize) -> String {
    let len = text.chars().count();
    if len <= max {
        return text.to_owned();
    }
    let kept: String = text.chars().take(max).collect();
    format!("{kept}… ({len} characters in all)")
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "{}", self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

/// Every problem in the scenario (empty when it is valid).
pub fn validate(scenario: &Scenario) -> Vec<Problem> {
    let mut c = Checker::default();
    c.name("meta.title", &scenario.meta.title, MAX_NAME);
    if scenario.meta.title.trim().is_empty() {
        c.push("meta.title", "is empty; give the scenario a title");
    }
    c.name("meta.author", &scenario.meta.author, MAX_NAME);
    c.name("meta.marking", &scenario.meta.marking, MAX_NAME);
    c.text("meta.notes", &scenario.meta.notes, MAX_TEXT);
    check_date(&mut c, &scenario.meta.date);
    c.range("horizon_years", scenario.horizon_years, 0.5, 50.0);
    let states = check_states(&mut c, scenario);
    check_adversary(&mut c, &scenario.adversary, &states);
    c.count("arrangements", scenario.arrangements.len(), MAX_LIST);
    let mut ids = HashSet::new();
    for (i, a) in scenario.arrangements.iter().enumerate() {
        let path = format!("arrangements[{i}]");
        c.unique(&format!("{path}.id"), &a.id, &mut ids);
        check_arrangement(&mut c, &path, a, &states, &scenario.adversary.state);
    }
    c.count("axes", scenario.axes.len(), MAX_LIST);
    let mut ids = HashSet::new();
    for (i, axis) in scenario.axes.iter().enumerate() {
        let path = format!("axes[{i}]");
        c.unique(&format!("{path}.id"), &axis.id, &mut ids);
        check_axis(&mut c, &path, axis, &states);
    }
    check_force_axes(&mut c, scenario, &ids);
    check_scopes(&mut c, scenario, &ids);
    check_conditions(&mut c, scenario);
    check_cessions(&mut c, scenario);
    check_assumptions(&mut c, scenario);
    if scenario.simulation.samples == 0 || scenario.simulation.samples > MAX_SAMPLES {
        c.push(
            "simulation.samples",
            format!(
                "{} is outside 1 to {MAX_SAMPLES}",
                scenario.simulation.samples
            ),
        );
    }
    check_line(&mut c, scenario);
    check_view(&mut c, "map_view", &scenario.map_view);
    check_slides(&mut c, scenario, &states);
    check_timeline(&mut c, scenario);
    c.problems
}

/// Collects problems while walking the document.
#[derive(Default)]
struct Checker {
    problems: Vec<Problem>,
}

impl Checker {
    fn push(&mut self, path: &str, message: impl Into<String>) {
        self.problems.push(Problem::new(path, message));
    }

    /// A number must be finite and within `lo..=hi`.
    fn range(&mut self, path: &str, value: f64, lo: f64, hi: f64) {
        if !value.is_finite() {
            self.push(path, format!("{value} is not a finite number"));
        } else if value < lo || value > hi {
            self.push(path, format!("{value} is outside {lo} to {hi}"));
        }
    }

    fn text(&mut self, path: &str, text: &str, max: usize) {
        let len = text.chars().count();
        if len > max {
            self.push(
                path,
                format!("is {len} characters long; at most {max} are allowed"),
            );
        }
    }

    /// A name or id: one line, at most `max` characters, with no control
    /// characters (a newline, an escape that rewrites a terminal) and no
    /// bidirectional overrides (which make text read other than it is stored).
    fn name(&mut self, path: &str, text: &str, max: usize) {
        self.text(path, text, max);
        if let Some(bad) = text.chars().find(|c| hidden(*c)) {
            self.push(
                path,
                format!(
                    "holds the invisible character U+{:04X}; names and ids are one line of plain text",
                    u32::from(bad)
                ),
            );
        }
    }

    fn count(&mut self, path: &str, len: usize, max: usize) {
        if len > max {
            self.push(
                path,
                format!("has {len} entries; at most {max} are allowed"),
            );
        }
    }

    /// An id must be non-empty, short, and not seen before in `seen`.
    fn unique(&mut self, path: &str, id: &str, seen: &mut HashSet<String>) {
        if id.trim().is_empty() {
            self.push(path, "is empty");
        }
        self.name(path, id, MAX_NAME);
        if !seen.insert(id.to_owned()) {
            self.push(path, format!("'{id}' appears more than once"));
        }
    }

    /// A state reference must name a state in the scenario's `states`.
    fn state_ref(&mut self, path: &str, id: &str, states: &HashSet<String>) {
        if !states.contains(id) {
            self.push(
                path,
                format!("'{id}' is not one of the scenario's states; add it to `states` first"),
            );
        }
    }

    fn point(&mut self, path: &str, p: &GeoPoint) {
        self.range(&format!("{path}.lon"), p.lon, -180.0, 180.0);
        self.range(&format!("{path}.lat"), p.lat, -90.0, 90.0);
    }

    /// An area drawn on the map: none, or a ring of 3 to 10,000 valid points.
    fn area(&mut self, path: &str, ring: &[GeoPoint]) {
        self.count(path, ring.len(), MAX_RING);
        if (1..3).contains(&ring.len()) {
            self.push(
                path,
                format!("has {} points; an area needs at least three", ring.len()),
            );
        }
        for (i, p) in ring.iter().enumerate().take(MAX_RING) {
            self.point(&format!("{path}[{i}]"), p);
        }
    }
}

/// A character that must not be in a name or id: a control character, or one
/// that changes the direction or visibility of the text around it.
pub fn hidden(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

/// `text` with every [`hidden`] character written as `\u{XXXX}`, so that a
/// value printed to a terminal or shown in a dialog cannot clear the screen,
/// start a false line or turn text around.
pub fn plain_text(text: &str) -> String {
    if !text.chars().any(hidden) {
        return text.to_owned();
    }
    text.chars()
        .map(|c| {
            if hidden(c) {
                format!("\\u{{{:04X}}}", u32::from(c))
            } else {
                c.to_string()
            }
        })
        .collect()
}

fn check_date(c: &mut Checker, date: &str) {
    if date.is_empty() {
        return;
    }
    let parts: Vec<&str> = date.split('-').collect();
    let ok = parts.len() == 3
        && parts[0].len() == 4
        && parts[1].len() == 2
        && parts[2].len() == 2
        && parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit()))
        && day_exists(parts[0], parts[1], parts[2]);
    if !ok {
        c.push(
            "meta.date",
            format!("'{date}' is not a date of the form YYYY-MM-DD"),
        );
    }
}

/// Whether year-month-day (all digits) names a real calendar day.
fn day_exists(year: &str, month: &str, day: &str) -> bool {
    let (Ok(y), Ok(m), Ok(d)) = (
        year.parse::<u32>(),
        month.parse::<u32>(),
        day.parse::<u32>(),
    ) else {
        return false;
    };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&d)
}

/// Checks the state list and returns the set of state ids.
fn check_states(c: &mut Checker, scenario: &Scenario) -> HashSet<String> {
    let mut ids = HashSet::new();
    if scenario.states.is_empty() {
        c.push("states", "is empty; a scenario needs at least one state");
    }
    c.count("states", scenario.states.len(), MAX_STATES);
    for (i, s) in scenario.states.iter().enumerate() {
        let path = format!("states[{i}]");
        c.unique(&format!("{path}.id"), &s.id, &mut ids);
        let o = &s.overrides;
        let p = |f: &str| format!("{path}.overrides.{f}");
        if let Some(name) = &o.name {
            c.name(&p("name"), name, MAX_NAME);
        }
        if let Some(v) = o.gdp_usd_bn {
            c.range(&p("gdp_usd_bn"), v, 0.001, 1.0e6);
        }
        if let Some(v) = o.defence_pct_gdp {
            c.range(&p("defence_pct_gdp"), v, 0.0, 100.0);
        }
        if let Some(v) = o.active_troops {
            c.range(&p("active_troops"), v, 0.0, 1.0e8);
        }
        if let Some(v) = o.reserve_troops {
            c.range(&p("reserve_troops"), v, 0.0, 1.0e8);
        }
        if let Some(v) = o.population_m {
            c.range(&p("population_m"), v, 0.0, 1.0e4);
        }
        if let Some(mix) = &o.composition {
            check_composition(c, &p("composition"), mix);
        }
        if let Some(v) = o.quality {
            c.range(&p("quality"), v, 0.0, MAX_QUALITY);
        }
        if let Some(point) = &o.capital {
            c.point(&p("capital"), point);
        }
        if let Some(v) = o.combat_aircraft {
            c.range(&p("combat_aircraft"), v, 0.0, 1.0e5);
        }
        if let Some(y) = o.nato_since
            && y != 0
            && !(1949..=2100).contains(&y)
        {
            c.push(
                &p("nato_since"),
                format!("{y} is not 0 or a year from 1949"),
            );
        }
        if let Err(missing) = reference::resolve(s) {
            c.push(
                &format!("{path}.overrides"),
                format!(
                    "'{}' is not in the reference table, so it must give {}",
                    s.id,
                    missing.join(", ")
                ),
            );
        }
    }
    ids
}

/// The highest quality a force may have (an elite force of its time is about
/// 1.5; a Dupuy combat-effectiveness value above 3 is unheard of).
const MAX_QUALITY: f64 = 5.0;

fn check_composition(c: &mut Checker, path: &str, mix: &super::types::Composition) {
    let mut total = 0.0;
    for (kind, share) in mix.shares() {
        let name = serde_json::to_value(kind)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default();
        c.range(&format!("{path}.{name}"), share, 0.0, 1.0e6);
        total += share;
    }
    if total <= 0.0 {
        c.push(
            path,
            "has no unit of any kind; give at least one share above 0",
        );
    }
}

fn check_adversary(c: &mut Checker, adv: &Adversary, states: &HashSet<String>) {
    c.state_ref("adversary.state", &adv.state, states);
    c.range("adversary.theatre_troops", adv.theatre_troops, 0.0, 1.0e8);
    if let Some(mix) = &adv.composition {
        check_composition(c, "adversary.composition", mix);
    }
    if let Some(v) = adv.quality {
        c.range("adversary.quality", v, 0.0, MAX_QUALITY);
    }
    if let Some(v) = adv.combat_aircraft {
        c.range("adversary.combat_aircraft", v, 0.0, 1.0e5);
    }
    c.count("adversary.demands", adv.demands.len(), MAX_LIST);
    for (i, d) in adv.demands.iter().enumerate() {
        c.range(
            &format!("adversary.demands[{i}].weight"),
            d.weight,
            0.0,
            1.0,
        );
        c.text(&format!("adversary.demands[{i}].text"), &d.text, MAX_TEXT);
        if let Some(region) = &d.region {
            c.name(&format!("adversary.demands[{i}].region"), region, MAX_NAME);
        }
        if let Some(share) = d.share {
            c.range(&format!("adversary.demands[{i}].share"), share, 0.0, 1.0);
        }
        c.area(&format!("adversary.demands[{i}].area"), &d.area);
        if let Some(met) = d.met {
            c.range(&format!("adversary.demands[{i}].met"), met, 0.0, 1.0);
        }
    }
    c.count("adversary.preconditions", adv.preconditions.len(), MAX_LIST);
    for (i, p) in adv.preconditions.iter().enumerate() {
        c.text(&format!("adversary.preconditions[{i}]"), p, MAX_TEXT);
    }
}

fn check_arrangement(
    c: &mut Checker,
    path: &str,
    a: &Arrangement,
    states: &HashSet<String>,
    adversary: &str,
) {
    c.name(&format!("{path}.name"), &a.name, MAX_NAME);
    c.text(&format!("{path}.notes"), &a.notes, MAX_TEXT);
    c.area(&format!("{path}.scope_area"), &a.scope_area);
    if a.protected_states.is_empty() {
        c.push(
            &format!("{path}.protected_states"),
            "is empty; name the state the arrangement protects",
        );
    }
    let mut seen = HashSet::new();
    for (i, id) in a.protected_states.iter().enumerate() {
        let p = format!("{path}.protected_states[{i}]");
        c.unique(&p, id, &mut seen);
        c.state_ref(&p, id, states);
        if id == adversary {
            c.push(
                &p,
                format!("'{id}' is the adversary and cannot be protected"),
            );
        }
    }
    c.count(&format!("{path}.guarantors"), a.guarantors.len(), MAX_LIST);
    let mut guarantors = HashSet::new();
    for (i, g) in a.guarantors.iter().enumerate() {
        let p = format!("{path}.guarantors[{i}]");
        c.unique(&format!("{p}.state"), &g.state, &mut guarantors);
        check_guarantor(c, &p, g, states, adversary, &a.protected_states);
    }
    c.count(
        &format!("{path}.void_clauses"),
        a.void_clauses.len(),
        MAX_LIST,
    );
    for (i, v) in a.void_clauses.iter().enumerate() {
        c.text(&format!("{path}.void_clauses[{i}].text"), &v.text, MAX_TEXT);
    }
    c.count(&format!("{path}.restraints"), a.restraints.len(), MAX_LIST);
    for (i, r) in a.restraints.iter().enumerate() {
        check_restraint(c, &format!("{path}.restraints[{i}]"), r);
    }
    if let Some(comp) = &a.compensation {
        c.text(
            &format!("{path}.compensation.description"),
            &comp.description,
            MAX_TEXT,
        );
        if let Some(v) = comp.pct_gdp_per_year {
            c.range(
                &format!("{path}.compensation.pct_gdp_per_year"),
                v,
                0.0,
                100.0,
            );
        }
    }
    if let Some(years) = a.sunset_years {
        c.range(&format!("{path}.sunset_years"), years, 0.1, 100.0);
    }
}

fn check_guarantor(
    c: &mut Checker,
    path: &str,
    g: &Guarantor,
    states: &HashSet<String>,
    adversary: &str,
    protected: &[String],
) {
    c.state_ref(&format!("{path}.state"), &g.state, states);
    if g.state == adversary {
        c.push(
            &format!("{path}.state"),
            format!("'{}' is the adversary and cannot be a guarantor", g.state),
        );
    }
    if protected.contains(&g.state) {
        c.push(
            &format!("{path}.state"),
            format!("'{}' cannot guarantee itself", g.state),
        );
    }
    c.text(
        &format!("{path}.trigger_wording"),
        &g.trigger_wording,
        MAX_TEXT,
    );
    if let Some(v) = g.credibility {
        c.range(&format!("{path}.credibility"), v, 0.0, 1.0);
    }
    c.count(&format!("{path}.forces"), g.forces.len(), MAX_LIST);
    for (i, f) in g.forces.iter().enumerate() {
        let p = format!("{path}.forces[{i}]");
        c.name(&format!("{p}.label"), &f.label, MAX_NAME);
        c.range(&format!("{p}.troops"), f.troops, 0.0, 1.0e7);
        c.range(&format!("{p}.arrival_days"), f.arrival_days, 0.0, 3650.0);
        c.range(&format!("{p}.quality"), f.quality, 0.0, MAX_QUALITY);
        if let Some(km) = f.reach_km {
            c.range(&format!("{p}.reach_km"), km, 0.0, 20_000.0);
        }
        c.state_ref(&format!("{p}.stationed_in"), &f.stationed_in, states);
        if let Some(pos) = &f.position {
            c.point(&format!("{p}.position"), pos);
        }
    }
}

/// Each force assigned to an axis names one of the scenario's axes.
fn check_force_axes(c: &mut Checker, scenario: &Scenario, axes: &HashSet<String>) {
    for (a, arrangement) in scenario.arrangements.iter().enumerate() {
        for (g, guarantor) in arrangement.guarantors.iter().enumerate() {
            for (f, force) in guarantor.forces.iter().enumerate() {
                if let Some(axis) = &force.axis
                    && !axes.contains(axis)
                {
                    c.push(
                        &format!("arrangements[{a}].guarantors[{g}].forces[{f}].axis"),
                        format!("'{}' is not an axis of this scenario", elide(axis, 60)),
                    );
                }
            }
        }
    }
}

/// A conditional commitment waits for another guarantor of the same state
/// (under this arrangement or another protecting one of its states), not for
/// itself, and not in a circle.
fn check_conditions(c: &mut Checker, scenario: &Scenario) {
    for (a, arrangement) in scenario.arrangements.iter().enumerate() {
        for (g, guarantor) in arrangement.guarantors.iter().enumerate() {
            let Some(other) = &guarantor.conditional_on else {
                continue;
            };
            let path = format!("arrangements[{a}].guarantors[{g}].conditional_on");
            if *other == guarantor.state {
                c.push(
                    &path,
                    "names the guarantor itself; a commitment cannot wait for itself",
                );
                continue;
            }
            let shares_a_state = |x: &&Arrangement| {
                x.protected_states
                    .iter()
                    .any(|s| arrangement.protected_states.contains(s))
            };
            let condition = scenario
                .arrangements
                .iter()
                .filter(shares_a_state)
                .flat_map(|x| &x.guarantors)
                .find(|x| x.state == *other);
            let Some(condition) = condition else {
                c.push(
                    &path,
                    format!(
                        "'{}' guarantees none of the states this arrangement protects",
                        elide(other, 60)
                    ),
                );
                continue;
            };
            if condition.conditional_on.as_deref() == Some(guarantor.state.as_str()) {
                c.push(
                    &path,
                    format!(
                        "'{}' in turn waits for '{}': neither would ever act",
                        elide(other, 60),
                        elide(&guarantor.state, 60)
                    ),
                );
            }
        }
    }
}

/// The regions an arrangement cedes are names.
fn check_cessions(c: &mut Checker, scenario: &Scenario) {
    for (a, arrangement) in scenario.arrangements.iter().enumerate() {
        let path = format!("arrangements[{a}].cedes");
        c.count(&path, arrangement.cedes.len(), MAX_LIST);
        for (i, region) in arrangement.cedes.iter().enumerate() {
            c.name(&format!("{path}[{i}]"), region, MAX_NAME);
        }
    }
}

/// A guarantee's scope lists axes of the scenario.
fn check_scopes(c: &mut Checker, scenario: &Scenario, axes: &HashSet<String>) {
    for (a, arrangement) in scenario.arrangements.iter().enumerate() {
        let Some(scope) = &arrangement.scope_axes else {
            continue;
        };
        let path = format!("arrangements[{a}].scope_axes");
        c.count(&path, scope.len(), MAX_LIST);
        for (i, axis) in scope.iter().enumerate() {
            if !axes.contains(axis) {
                c.push(
                    &format!("{path}[{i}]"),
                    format!("'{}' is not an axis of this scenario", elide(axis, 60)),
                );
            }
        }
    }
}

fn check_restraint(c: &mut Checker, path: &str, r: &Restraint) {
    c.text(&format!("{path}.text"), &r.text, MAX_TEXT);
    match (r.kind, r.limit) {
        (RestraintKind::ForceCap, None) => c.push(
            &format!("{path}.limit"),
            "is missing; a force cap needs the maximum number of troops",
        ),
        (_, Some(limit)) => c.range(&format!("{path}.limit"), limit, 0.0, 1.0e8),
        _ => {}
    }
}

fn check_axis(c: &mut Checker, path: &str, axis: &Axis, states: &HashSet<String>) {
    c.name(&format!("{path}.name"), &axis.name, MAX_NAME);
    c.state_ref(&format!("{path}.defender"), &axis.defender, states);
    c.name(&format!("{path}.start.name"), &axis.start.name, MAX_NAME);
    c.name(
        &format!("{path}.objective.name"),
        &axis.objective.name,
        MAX_NAME,
    );
    c.point(&format!("{path}.start"), &axis.start.point);
    c.point(&format!("{path}.objective"), &axis.objective.point);
    c.range(&format!("{path}.route_factor"), axis.route_factor, 1.0, 5.0);
    c.range(&format!("{path}.terrain"), axis.terrain, 0.0, 1.0);
    c.range(
        &format!("{path}.adversary_share"),
        axis.adversary_share,
        0.0,
        1.0,
    );
    c.range(
        &format!("{path}.defender_share"),
        axis.defender_share,
        0.0,
        1.0,
    );
    for (field, value) in [
        ("lift_first_wave", axis.lift_first_wave),
        ("lift_per_day", axis.lift_per_day),
    ] {
        if let Some(value) = value {
            c.range(&format!("{path}.{field}"), value, 0.0, 1.0e8);
        }
    }
    if let Some(day) = axis.landing_day {
        c.range(&format!("{path}.landing_day"), day, 0.0, 365.0);
    }
    let rivers = format!("{path}.river_crossings");
    c.count(&rivers, axis.river_crossings.len(), MAX_RIVERS);
    for (i, river) in axis.river_crossings.iter().enumerate() {
        c.name(&format!("{rivers}[{i}].name"), &river.name, MAX_NAME);
        c.point(&format!("{rivers}[{i}]"), &river.point);
    }
    check_defence_lines(c, path, axis);
}

/// Each defence line's name, point and share; the shares add up to at most 1.
fn check_defence_lines(c: &mut Checker, path: &str, axis: &Axis) {
    let lines = format!("{path}.defence_lines");
    c.count(&lines, axis.defence_lines.len(), MAX_DEFENCE_LINES);
    for (i, line) in axis.defence_lines.iter().enumerate() {
        c.name(&format!("{lines}[{i}].name"), &line.name, MAX_NAME);
        c.point(&format!("{lines}[{i}]"), &line.point);
        c.range(&format!("{lines}[{i}].share"), line.share, 0.0, 1.0);
    }
    let total: f64 = axis.defence_lines.iter().map(|l| l.share).sum();
    if total.is_finite() && total > 1.0 + 1e-9 {
        c.push(
            &lines,
            format!(
                "the lines' shares add up to {total:.3}; they can hold at most all (1) of the defender's forces on the axis"
            ),
        );
    }
}

fn check_assumptions(c: &mut Checker, scenario: &Scenario) {
    for (key, u) in &scenario.assumptions {
        let path = format!("assumptions.{key}");
        let Some(param) = parameters::parameter(key) else {
            let known: Vec<&str> = parameters::CATALOGUE.iter().map(|p| p.key).collect();
            c.push(
                &path,
                format!("is not a known assumption; known: {}", known.join(", ")),
            );
            continue;
        };
        c.range(&format!("{path}.low"), u.low, param.min, param.max);
        c.range(&format!("{path}.likely"), u.likely, param.min, param.max);
        c.range(&format!("{path}.high"), u.high, param.min, param.max);
        if !(u.low <= u.likely && u.likely <= u.high) {
            c.push(
                &path,
                format!(
                    "low {}, likely {}, high {} are not in order (low ≤ likely ≤ high)",
                    u.low, u.likely, u.high
                ),
            );
        }
    }
}

fn check_line(c: &mut Checker, scenario: &Scenario) {
    check_line_of(c, "settlement_line", &scenario.settlement_line);
}

/// A settlement line at `path`: its points on the globe, at least two for a
/// custom line.
fn check_line_of(c: &mut Checker, path: &str, line: &super::SettlementLine) {
    let custom = format!("{path}.custom");
    c.count(&custom, line.custom.len(), MAX_RING);
    for (i, p) in line.custom.iter().enumerate().take(MAX_RING) {
        c.point(&format!("{custom}[{i}]"), p);
    }
    if line.preset == LinePreset::Custom && line.custom.len() < 2 {
        c.push(
            &custom,
            "needs at least two points when the preset is `custom`",
        );
    }
}

fn check_view(c: &mut Checker, path: &str, view: &super::types::MapView) {
    c.point(&format!("{path}.center"), &view.center);
    c.range(&format!("{path}.zoom"), view.zoom, 0.25, 64.0);
}

fn check_slides(c: &mut Checker, scenario: &Scenario, states: &HashSet<String>) {
    c.count("slides", scenario.slides.len(), MAX_SLIDES);
    for (i, slide) in scenario.slides.iter().enumerate() {
        let path = format!("slides[{i}]");
        c.name(&format!("{path}.title"), &slide.title, MAX_NAME);
        c.text(&format!("{path}.notes"), &slide.notes, MAX_TEXT);
        match &slide.content {
            SlideContent::Map { view, highlight } => {
                check_view(c, &format!("{path}.content.view"), view);
                c.count(
                    &format!("{path}.content.highlight"),
                    highlight.len(),
                    MAX_STATES,
                );
                let reference = super::reference::Reference::get();
                for (j, id) in highlight.iter().enumerate() {
                    let known = states.contains(id)
                        || reference.state(id).is_some()
                        || reference.nato_since(id).is_some();
                    if !known {
                        c.push(
                            &format!("{path}.content.highlight[{j}]"),
                            format!("'{id}' is not a state Bulwark knows"),
                        );
                    }
                }
            }
            SlideContent::Plot {
                state: Some(id), ..
            } => c.state_ref(&format!("{path}.content.state"), id, states),
            SlideContent::Text { markdown } => {
                c.text(&format!("{path}.content.markdown"), markdown, MAX_TEXT);
            }
            SlideContent::Timeline { view, month } => {
                check_view(c, &format!("{path}.content.view"), view);
                if let Some(m) = month {
                    c.range(&format!("{path}.content.month"), *m, 0.0, MAX_MONTH);
                }
            }
            SlideContent::Plot { state: None, .. } | SlideContent::Comparison => {}
        }
    }
}

/// The timeline's steps: unique ids, months within 0 to the horizon, waits on
/// steps that exist and not in a loop, and each change naming what is in the
/// scenario (an arrangement, its guarantor and unit, a restraint it has, a
/// demand the adversary makes).
fn check_timeline(c: &mut Checker, scenario: &Scenario) {
    use super::{Change, timeline};
    let steps = &scenario.timeline.steps;
    c.count("timeline.steps", steps.len(), timeline::MAX_STEPS);
    let mut ids = HashSet::new();
    for (i, step) in steps.iter().enumerate().take(timeline::MAX_STEPS) {
        let path = format!("timeline.steps[{i}]");
        c.unique(&format!("{path}.id"), &step.id, &mut ids);
        c.name(&format!("{path}.name"), &step.name, MAX_NAME);
        c.text(&format!("{path}.notes"), &step.notes, MAX_TEXT);
        // Up to the longest horizon: a step after this scenario's is a
        // warning (a shorter horizon keeps its later steps).
        c.range(&format!("{path}.month"), step.month, 0.0, MAX_MONTH);
        if let Some(after) = &step.after
            && !steps.iter().any(|s| s.id == *after)
        {
            c.push(
                &format!("{path}.after"),
                format!("'{after}' is not the id of a step in the timeline"),
            );
        }
        let arrangement = |id: &str| scenario.arrangements.iter().find(|a| a.id == id);
        let at = |field: &str| format!("{path}.change.{field}");
        let no_arrangement = |id: &str| format!("'{id}' is not the id of an arrangement");
        match &step.change {
            Change::Arrangement {
                arrangement: id, ..
            }
            | Change::Snapback {
                arrangement: id, ..
            } => {
                if arrangement(id).is_none() {
                    c.push(&at("arrangement"), no_arrangement(id));
                }
            }
            Change::Unit {
                arrangement: id,
                guarantor,
                unit,
                ..
            } => match arrangement(id) {
                None => c.push(&at("arrangement"), no_arrangement(id)),
                Some(a) => match a.guarantors.iter().find(|g| g.state == *guarantor) {
                    None => c.push(
                        &at("guarantor"),
                        format!("'{guarantor}' is not a guarantor of '{id}'"),
                    ),
                    Some(g) if !g.forces.iter().any(|f| f.label == *unit) => c.push(
                        &at("unit"),
                        format!("'{guarantor}' has no unit labelled '{unit}' under '{id}'"),
                    ),
                    Some(_) => {}
                },
            },
            Change::Restraint {
                arrangement: id,
                restraint,
                ..
            } => match arrangement(id) {
                None => c.push(&at("arrangement"), no_arrangement(id)),
                Some(a) if !a.restraints.iter().any(|r| r.kind == *restraint) => c.push(
                    &at("restraint"),
                    format!(
                        "'{id}' has no restraint of this kind; add it to the arrangement first"
                    ),
                ),
                Some(_) => {}
            },
            Change::DemandMet {
                demand,
                region,
                met,
            } => {
                c.range(&at("met"), *met, 0.0, 1.0);
                let named = scenario
                    .adversary
                    .demands
                    .iter()
                    .any(|d| timeline::names_demand(d, *demand, region.as_deref()));
                if !named {
                    c.push(
                        &at("demand"),
                        "the adversary makes no such demand; add it to its demands first",
                    );
                }
            }
            Change::AdversaryRebuilds {
                troops_per_year,
                up_to,
            } => {
                let u = troops_per_year;
                for (name, v) in [("low", u.low), ("likely", u.likely), ("high", u.high)] {
                    c.range(&at(&format!("troops_per_year.{name}")), v, -1.0e7, 1.0e7);
                }
                if !(u.low <= u.likely && u.likely <= u.high) {
                    c.push(
                        &at("troops_per_year"),
                        format!(
                            "low {}, likely {}, high {} are out of order; write low ≤ likely ≤ high",
                            u.low, u.likely, u.high
                        ),
                    );
                }
                if let Some(limit) = up_to {
                    c.range(&at("up_to"), *limit, 0.0, 1.0e8);
                }
            }
            Change::AdversaryForces { troops } => c.range(&at("troops"), *troops, -1.0e8, 1.0e8),
            Change::SettlementLine { line } => check_line_of(c, &at("line"), line),
        }
    }
    for id in timeline::waiting_loops(steps) {
        let i = steps.iter().position(|s| s.id == id).unwrap_or(0);
        c.push(
            &format!("timeline.steps[{i}].after"),
            format!("step '{id}' waits on itself through the steps it waits on; break the loop"),
        );
    }
}
