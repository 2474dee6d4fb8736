//! Units in NATO joint military symbology (APP-6(D), as MIL-STD-2525D draws
//! land units), drawn with egui shapes: the frame's shape and fill give the
//! affiliation (friend a rectangle, hostile a diamond, neutral a square,
//! unknown a quatrefoil, in the standard's light fill colours, so a symbol
//! reads in black and white too), a dashed frame marks a planned or
//! anticipated unit, the echelon stands above the frame, and the icon inside
//! gives the kind of unit.
//!
//! Drawn here rather than with a symbol library: the libraries (milsymbol and
//! its ports) draw SVG in a JavaScript runtime, and the app paints with egui.

use egui::{Color32, Painter, Pos2, Rect, Shape, Stroke, Vec2, pos2, vec2};

use crate::scenario::UnitKind;

/// Whose a unit is, as its frame shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Affiliation {
    /// Ours or an ally's: a rectangle, blue.
    Friend,
    /// The adversary's: a diamond, red.
    Hostile,
    /// Neither side's: a square, green.
    Neutral,
    /// Not yet known: a quatrefoil, yellow.
    Unknown,
}

impl Affiliation {
    /// Every affiliation, in the standard's order.
    pub const ALL: [Affiliation; 4] = [
        Affiliation::Friend,
        Affiliation::Hostile,
        Affiliation::Neutral,
        Affiliation::Unknown,
    ];

    /// The frame's fill, APP-6(D)'s light colour scheme.
    pub fn fill(self) -> Color32 {
        match self {
            Affiliation::Friend => Color32::from_rgb(128, 224, 255),
            Affiliation::Hostile => Color32::from_rgb(255, 128, 128),
            Affiliation::Neutral => Color32::from_rgb(170, 255, 170),
            Affiliation::Unknown => Color32::from_rgb(255, 255, 128),
        }
    }

    /// The word a legend uses.
    pub fn label(self) -> &'static str {
        match self {
            Affiliation::Friend => "friendly",
            Affiliation::Hostile => "hostile",
            Affiliation::Neutral => "neutral",
            Affiliation::Unknown => "unknown",
        }
    }
}

/// A unit's size, as the mark above its frame shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Echelon {
    /// I: about 80–250 troops.
    Company,
    /// II: about 300–1,000.
    Battalion,
    /// X: about 3,000–5,000.
    Brigade,
    /// XX: about 10,000–20,000.
    Division,
    /// XXX: about 20,000–50,000.
    Corps,
}

impl Echelon {
    /// The echelon a force of `troops` is nearest to (NATO's usual sizes,
    /// e.g. FM 3-90 and APP-6(D)'s echelon table); none for aircraft, which
    /// are counted in aircraft, not troops.
    pub fn of(kind: UnitKind, troops: f64) -> Option<Echelon> {
        if kind == UnitKind::CombatAircraft || troops.is_nan() || troops <= 0.0 {
            return None;
        }
        Some(match troops {
            t if t <= 250.0 => Echelon::Company,
            t if t <= 1_500.0 => Echelon::Battalion,
            t if t <= 7_000.0 => Echelon::Brigade,
            t if t <= 25_000.0 => Echelon::Division,
            _ => Echelon::Corps,
        })
    }

    /// Its mark and a short name, as a legend explains it.
    pub fn abbreviation(self) -> &'static str {
        match self {
            Echelon::Company => "I coy",
            Echelon::Battalion => "II bn",
            Echelon::Brigade => "X bde",
            Echelon::Division => "XX div",
            Echelon::Corps => "XXX corps",
        }
    }

    /// (crosses, bars) in its mark: X is a brigade, I a company.
    fn marks(self) -> (usize, usize) {
        match self {
            Echelon::Company => (0, 1),
            Echelon::Battalion => (0, 2),
            Echelon::Brigade => (1, 0),
            Echelon::Division => (2, 0),
            Echelon::Corps => (3, 0),
        }
    }
}

/// The name of a kind of unit as a legend gives it.
pub fn kind_label(kind: UnitKind) -> &'static str {
    match kind {
        UnitKind::Armoured => "Armour",
        UnitKind::Mechanised => "Mechanised infantry",
        UnitKind::Motorised => "Motorised infantry",
        UnitKind::FootInfantry => "Infantry",
        UnitKind::Airborne => "Airborne infantry",
        UnitKind::Marines => "Marines",
        UnitKind::Artillery => "Artillery",
        UnitKind::AirDefence => "Air defence",
        UnitKind::CombatAircraft => "Combat aircraft",
        UnitKind::Advisers => "Advisers and trainers",
    }
}

/// One unit's symbol.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Symbol {
    /// Its frame.
    pub affiliation: Affiliation,
    /// Its icon.
    pub kind: UnitKind,
    /// The mark above the frame, if its size is known.
    pub echelon: Option<Echelon>,
    /// Planned or anticipated (pledged, not yet there): a dashed frame.
    pub planned: bool,
}

/// A friendly rectangle's width over its height (APP-6(D): 1.5).
const FRIEND_ASPECT: f32 = 1.5;

/// The echelon mark's height, and its gap above the frame, over the
/// frame's height.
const ECHELON_HEIGHT: f32 = 0.34;
const ECHELON_GAP: f32 = 0.12;

impl Symbol {
    /// The frame's bounds when its friendly rectangle is `height` high and
    /// it is centred at `centre` (other frames are as high and as wide as
    /// the standard makes them beside it).
    pub fn frame_rect(self, centre: Pos2, height: f32) -> Rect {
        let size = match self.affiliation {
            Affiliation::Friend => vec2(FRIEND_ASPECT * height, height),
            Affiliation::Hostile => Vec2::splat(1.4 * height),
            Affiliation::Neutral => Vec2::splat(1.1 * height),
            Affiliation::Unknown => Vec2::splat(1.45 * height),
        };
        Rect::from_center_size(centre, size)
    }

    /// Everything the symbol covers: its frame and the echelon above.
    pub fn bounds(self, centre: Pos2, height: f32) -> Rect {
        let frame = self.frame_rect(centre, height);
        match self.echelon {
            Some(_) => frame.with_min_y(frame.top() - (ECHELON_HEIGHT + ECHELON_GAP) * height),
            None => frame,
        }
    }

    /// Paints the symbol with its frame centred at `centre` and a friendly
    /// rectangle `height` high. `filled`: in the affiliation's colour, else
    /// white (the standard's unfilled form, for monochrome print).
    pub fn paint(self, painter: &Painter, centre: Pos2, height: f32, filled: bool) {
        let line = Stroke::new((height / 9.0).max(1.0), Color32::BLACK);
        let fill = if filled {
            self.affiliation.fill()
        } else {
            Color32::WHITE
        };
        let outline = outline(self.affiliation, centre, height);
        painter.add(fill_star(centre, &outline, fill));
        if self.planned {
            let mut closed = outline.clone();
            closed.push(outline[0]);
            let dash = height / 4.0;
            painter.extend(Shape::dashed_line(&closed, line, dash, dash * 0.7));
        } else {
            painter.add(Shape::closed_line(outline, line));
        }
        let icon = icon_box(self.affiliation, centre, height);
        paint_icon(painter, self.kind, icon, line, self.affiliation);
        if let Some(echelon) = self.echelon {
            let top = self.frame_rect(centre, height).top();
            paint_echelon(
                painter,
                echelon,
                pos2(centre.x, top - ECHELON_GAP * height),
                height,
                line,
            );
        }
    }
}

/// The frame's outline, clockwise from its top (or top left).
fn outline(affiliation: Affiliation, centre: Pos2, height: f32) -> Vec<Pos2> {
    let rect = |size: Vec2| {
        let r = Rect::from_center_size(centre, size);
        vec![
            r.left_top(),
            r.right_top(),
            r.right_bottom(),
            r.left_bottom(),
        ]
    };
    match affiliation {
        Affiliation::Friend => rect(vec2(FRIEND_ASPECT * height, height)),
        Affiliation::Neutral => rect(Vec2::splat(1.1 * height)),
        Affiliation::Hostile => {
            let h = 0.7 * height;
            vec![
                centre - vec2(0.0, h),
                centre + vec2(h, 0.0),
                centre + vec2(0.0, h),
                centre - vec2(h, 0.0),
            ]
        }
        Affiliation::Unknown => quatrefoil(centre, 0.725 * height),
    }
}

/// The unknown frame: four round lobes (circles of radius `reach` / 2
/// centred `reach` / 2 from the middle), as its outline seen from the
/// centre: in each direction, the farthest lobe's edge.
fn quatrefoil(centre: Pos2, reach: f32) -> Vec<Pos2> {
    let (a, r) = (reach / 2.0, reach / 2.0);
    let lobes = [vec2(a, 0.0), vec2(0.0, a), vec2(-a, 0.0), vec2(0.0, -a)];
    (0..96)
        .map(|i| {
            let phi = i as f32 / 96.0 * std::f32::consts::TAU - std::f32::consts::FRAC_PI_2;
            let u = vec2(phi.cos(), phi.sin());
            let far = lobes
                .iter()
                .filter_map(|c| {
                    let along = u.dot(*c);
                    let d = r * r - (c.length_sq() - along * along);
                    (d >= 0.0).then(|| along + d.sqrt())
                })
                .fold(0.0, f32::max);
            centre + u * far
        })
        .collect()
}

/// A filled outline that can be seen whole from `centre` (every frame is),
/// as a fan of triangles from there: egui fills only convex paths itself.
fn fill_star(centre: Pos2, outline: &[Pos2], fill: Color32) -> Shape {
    let mut mesh = egui::Mesh::default();
    mesh.colored_vertex(centre, fill);
    for p in outline {
        mesh.colored_vertex(*p, fill);
    }
    let n = outline.len() as u32;
    for i in 0..n {
        mesh.add_triangle(0, 1 + i, 1 + (i + 1) % n);
    }
    Shape::mesh(mesh)
}

/// Where the icon goes inside the frame: the whole friendly rectangle, else
/// the rectangle the standard inscribes in the frame.
fn icon_box(affiliation: Affiliation, centre: Pos2, height: f32) -> Rect {
    let size = match affiliation {
        Affiliation::Friend => vec2(FRIEND_ASPECT * height, height),
        Affiliation::Hostile => vec2(0.72 * height, 0.56 * height),
        Affiliation::Neutral => vec2(1.1 * height, 1.1 * height),
        Affiliation::Unknown => vec2(0.9 * height, 0.64 * height),
    };
    Rect::from_center_size(centre, size)
}

/// Paints the icon of `kind` in `icon`.
fn paint_icon(
    painter: &Painter,
    kind: UnitKind,
    icon: Rect,
    line: Stroke,
    affiliation: Affiliation,
) {
    let infantry = || {
        // For a rectangle, corner to corner; for the other frames, across
        // the inscribed box.
        let r = if affiliation == Affiliation::Friend {
            icon
        } else {
            icon.shrink(line.width / 2.0)
        };
        painter.line_segment([r.left_top(), r.right_bottom()], line);
        painter.line_segment([r.left_bottom(), r.right_top()], line);
    };
    let c = icon.center();
    let (w, h) = (icon.width(), icon.height());
    let track = || {
        let size = vec2(0.62 * w, 0.42 * h);
        painter.rect_stroke(
            Rect::from_center_size(c, size),
            size.y / 2.0,
            line,
            egui::StrokeKind::Middle,
        );
    };
    match kind {
        UnitKind::Armoured => track(),
        UnitKind::Mechanised => {
            infantry();
            track();
        }
        UnitKind::Motorised => {
            infantry();
            painter.line_segment([pos2(c.x, icon.top()), pos2(c.x, icon.bottom())], line);
        }
        UnitKind::FootInfantry => infantry(),
        UnitKind::Airborne => {
            infantry();
            // The airborne modifier: a canopy of two arcs at the foot.
            let y = icon.bottom() - 0.2 * h;
            for side in [-1.0, 1.0] {
                let mid = pos2(c.x + side * 0.12 * w, y);
                painter.add(arc(mid, 0.12 * w, 0.1 * h, line));
            }
        }
        UnitKind::Marines => {
            infantry();
            // The amphibious modifier: waves at the foot.
            let y = icon.bottom() - 0.16 * h;
            let points: Vec<Pos2> = (0..=24)
                .map(|i| {
                    let t = i as f32 / 24.0;
                    let x = c.x - 0.3 * w + t * 0.6 * w;
                    pos2(x, y + 0.06 * h * (t * std::f32::consts::TAU * 2.0).sin())
                })
                .collect();
            painter.add(Shape::line(points, line));
        }
        UnitKind::Artillery => {
            painter.circle_filled(c, 0.13 * h.min(w), Color32::BLACK);
        }
        UnitKind::AirDefence => {
            // A dome over the foot of the frame.
            let base = icon.bottom() - 0.05 * h;
            let points: Vec<Pos2> = (0..=24)
                .map(|i| {
                    let t = i as f32 / 24.0 * std::f32::consts::PI;
                    pos2(c.x - 0.45 * w * t.cos(), base - 0.45 * h * t.sin())
                })
                .collect();
            painter.add(Shape::line(points, line));
        }
        UnitKind::CombatAircraft => {
            // Fixed wing: a bow tie, its points meeting in the middle.
            let (dx, dy) = (0.3 * w, 0.2 * h);
            for side in [-1.0_f32, 1.0] {
                painter.add(Shape::convex_polygon(
                    vec![
                        c,
                        pos2(c.x + side * dx, c.y - dy),
                        pos2(c.x + side * dx, c.y + dy),
                    ],
                    Color32::BLACK,
                    Stroke::NONE,
                ));
            }
        }
        UnitKind::Advisers => {
            painter.text(
                c,
                egui::Align2::CENTER_CENTER,
                "ADV",
                egui::FontId::proportional(0.42 * h),
                Color32::BLACK,
            );
        }
    }
}

/// A half ellipse opening downward (∩) over `mid`.
fn arc(mid: Pos2, rx: f32, ry: f32, line: Stroke) -> Shape {
    let points = (0..=12)
        .map(|i| {
            let t = i as f32 / 12.0 * std::f32::consts::PI;
            pos2(mid.x - rx * t.cos(), mid.y - ry * t.sin())
        })
        .collect();
    Shape::line(points, line)
}

/// Paints the echelon's mark centred on `foot` (its bottom middle).
fn paint_echelon(painter: &Painter, echelon: Echelon, foot: Pos2, height: f32, line: Stroke) {
    let size = ECHELON_HEIGHT * height;
    let (crosses, bars) = echelon.marks();
    let count = crosses + bars;
    let gap = (size * 0.3).max(line.width * 1.6);
    let width = |i: usize| if i < crosses { size * 0.8 } else { 0.0 };
    let total: f32 = (0..count).map(width).sum::<f32>() + gap * count.saturating_sub(1) as f32;
    let mut x = foot.x - total / 2.0;
    for i in 0..count {
        let w = width(i);
        let (top, bottom) = (foot.y - size, foot.y);
        if i < crosses {
            painter.line_segment([pos2(x, top), pos2(x + w, bottom)], line);
            painter.line_segment([pos2(x, bottom), pos2(x + w, top)], line);
        } else {
            painter.line_segment([pos2(x, top), pos2(x, bottom)], line);
        }
        x += w + gap;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn echelons_follow_nato_sizes_and_aircraft_have_none() {
        use Echelon::*;
        let of = |t| Echelon::of(UnitKind::Mechanised, t);
        assert_eq!(of(150.0), Some(Company));
        assert_eq!(of(800.0), Some(Battalion));
        assert_eq!(of(4_000.0), Some(Brigade));
        assert_eq!(of(15_000.0), Some(Division));
        assert_eq!(of(40_000.0), Some(Corps));
        assert_eq!(Echelon::of(UnitKind::CombatAircraft, 24.0), None);
        assert_eq!(of(0.0), None);
        assert_eq!(of(f64::NAN), None);
    }

    #[test]
    fn the_quatrefoil_reaches_its_lobes_and_dips_between_them() {
        let c = pos2(0.0, 0.0);
        let outline = quatrefoil(c, 10.0);
        let far = outline.iter().map(|p| p.distance(c)).fold(0.0, f32::max);
        let near = outline
            .iter()
            .map(|p| p.distance(c))
            .fold(f32::MAX, f32::min);
        assert!((far - 10.0).abs() < 0.01, "{far}");
        assert!(near < 8.0, "waisted between the lobes: {near}");
    }
}
