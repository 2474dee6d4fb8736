//! Presentation mode and the presenter view: the state of a running briefing,
//! the keys of common slide software, the default deck generated from a
//! scenario, slide drawing, and the export of a deck to PNG files and a handout.
//!
//! The key handling here is pure ([`Presentation::key`] turns a key into an
//! [`Action`]; [`Presentation::apply`] carries one out) so it is tested without
//! a window. The app owns an `Option<Presentation>`: `Some` while presenting,
//! and its command enum wraps [`Action`].
//!
//! May import `crate::kit`, `crate::plots`, `crate::map`, `crate::model` and
//! `crate::scenario`; never `crate::ui`.

pub mod export;
pub mod hidden;
pub mod monitor;
pub mod print;
pub mod slide;
mod timeline_slide;
pub mod vector;
pub mod view;

use std::time::Instant;

use egui::Key;

use crate::scenario::{ArrangementKind, MapView, PlotKind, Scenario, Slide, SlideContent};

pub use slide::{draw_comparison_slide, draw_map_slide, draw_plot_slide, draw_slide};

/// Most digits kept in the typed slide number.
const MAX_TYPED_DIGITS: usize = 4;

/// One step of a running briefing, from a key, a click on the audience screen
/// or a button of the presenter view. Each knows its label and its keys, as in
/// common slide software (presentation clickers send PageUp/PageDown).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// Show the next slide.
    Next,
    /// Show the previous slide.
    Previous,
    /// Show the first slide.
    First,
    /// Show the last slide.
    Last,
    /// Show the slide with this index (0-based; typed as a number then Enter).
    GoTo(usize),
    /// Black the screen, or bring the slide back.
    Blackout,
    /// White the screen, or bring the slide back.
    Whiteout,
    /// Turn the laser pointer on or off.
    ToggleLaser,
    /// Open or close the presenter view.
    TogglePresenterView,
    /// Open or close the "what if" popover of key parameters.
    ToggleWhatIf,
    /// Leave presentation mode and restore the layout.
    Stop,
}

impl Action {
    /// The actions that have keys, in the order [`Presentation::key`] looks
    /// them up.
    pub const WITH_KEYS: [Action; 10] = [
        Action::Next,
        Action::Previous,
        Action::First,
        Action::Last,
        Action::Blackout,
        Action::Whiteout,
        Action::ToggleLaser,
        Action::TogglePresenterView,
        Action::ToggleWhatIf,
        Action::Stop,
    ];

    /// The label, as on the presenter view's buttons.
    pub fn label(self) -> &'static str {
        match self {
            Action::Next => "Next slide",
            Action::Previous => "Previous slide",
            Action::First => "First slide",
            Action::Last => "Last slide",
            Action::GoTo(_) => "Go to slide",
            Action::Blackout => "Black screen",
            Action::Whiteout => "White screen",
            Action::ToggleLaser => "Laser pointer",
            Action::TogglePresenterView => "Presenter view",
            Action::ToggleWhatIf => "What if…",
            Action::Stop => "End presentation",
        }
    }

    /// The keys for the action while presenting. Digits then Enter jump to a
    /// slide instead (see [`Presentation::key`]).
    pub fn keys(self) -> &'static [Key] {
        match self {
            Action::Next => &[
                Key::ArrowRight,
                Key::ArrowDown,
                Key::Space,
                Key::PageDown,
                Key::Enter,
                Key::N,
            ],
            Action::Previous => &[
                Key::ArrowLeft,
                Key::ArrowUp,
                Key::PageUp,
                Key::Backspace,
                Key::P,
            ],
            Action::First => &[Key::Home],
            Action::Last => &[Key::End],
            Action::GoTo(_) => &[],
            Action::Blackout => &[Key::B, Key::Period],
            Action::Whiteout => &[Key::W, Key::Comma],
            Action::ToggleLaser => &[Key::L],
            Action::TogglePresenterView => &[Key::S],
            Action::ToggleWhatIf => &[Key::Q],
            Action::Stop => &[Key::Escape],
        }
    }
}

/// What the audience screen shows besides the slide.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Screen {
    /// The current slide.
    #[default]
    Slide,
    /// A black screen (B), to draw the room's attention away from the wall.
    Black,
    /// A white screen (W).
    White,
}

/// The window layout before presenting started, restored exactly on leaving.
/// Panels, theme and zoom are never changed by presenting (the slides carry
/// their own theme and scale), so only the full-screen state needs keeping.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RestoreLayout {
    /// Whether the window was full-screen before presenting.
    pub fullscreen: bool,
}

/// A running briefing.
pub struct Presentation {
    /// Index of the slide shown (0-based).
    pub slide: usize,
    /// Number of slides in the deck (kept in step with the scenario each frame).
    pub len: usize,
    /// Black or white screen, or the slide.
    pub screen: Screen,
    /// Whether the laser pointer follows the mouse.
    pub laser: bool,
    /// Digits typed so far; Enter jumps to that slide number.
    pub typed: String,
    /// When presenting started, for the elapsed time in the presenter view.
    pub started: Instant,
    /// Whether the presenter view (a second window) is open.
    pub presenter_view: bool,
    /// Whether the "what if" popover of key parameters is open.
    pub what_if: bool,
    /// Whether the key hint is still shown (until the first command).
    pub hint: bool,
    /// The layout to restore on leaving.
    pub restore: RestoreLayout,
    /// Which screen the slides went to (and where the presenter view opens).
    pub placement: monitor::Placement,
}

impl Presentation {
    /// Starts a briefing of a deck with `len` slides at the first slide.
    /// `presenter_view` opens the presenter view at once (do so when the
    /// platform shows it as a window of its own).
    pub fn start(len: usize, restore: RestoreLayout, presenter_view: bool) -> Self {
        Self {
            slide: 0,
            len,
            screen: Screen::Slide,
            laser: false,
            typed: String::new(),
            started: Instant::now(),
            presenter_view,
            what_if: false,
            hint: true,
            restore,
            placement: monitor::Placement::default(),
        }
    }

    /// The action a key press stands for while presenting (see
    /// [`Action::keys`]). Digits are collected; Enter after digits jumps to
    /// that slide number instead of advancing, and Esc first clears typed
    /// digits, then closes the "what if" popover, then leaves. Returns `None`
    /// for keys that do nothing (and for digits, which only add to the number).
    pub fn key(&mut self, key: Key) -> Option<Action> {
        if let Some(digit) = digit(key) {
            if self.typed.len() < MAX_TYPED_DIGITS {
                self.typed.push(digit);
            }
            return None;
        }
        let typed = std::mem::take(&mut self.typed);
        match key {
            Key::Enter if !typed.is_empty() => {
                let number: usize = typed.parse().unwrap_or(0);
                return Some(Action::GoTo(number.saturating_sub(1)));
            }
            Key::Escape if !typed.is_empty() => return None,
            Key::Escape if self.what_if => return Some(Action::ToggleWhatIf),
            _ => {}
        }
        Action::WITH_KEYS
            .into_iter()
            .find(|action| action.keys().contains(&key))
    }

    /// Carries out an action. Returns false for [`Action::Stop`], which the
    /// app carries out because it restores the window.
    pub fn apply(&mut self, action: Action) -> bool {
        self.hint = false;
        let last = self.len.saturating_sub(1);
        match action {
            Action::Next => self.show(if self.screen == Screen::Slide {
                (self.slide + 1).min(last)
            } else {
                self.slide
            }),
            Action::Previous => self.show(if self.screen == Screen::Slide {
                self.slide.saturating_sub(1)
            } else {
                self.slide
            }),
            Action::First => self.show(0),
            Action::Last => self.show(last),
            Action::GoTo(index) => self.show(index.min(last)),
            Action::Blackout => self.toggle_screen(Screen::Black),
            Action::Whiteout => self.toggle_screen(Screen::White),
            Action::ToggleLaser => self.laser ^= true,
            Action::TogglePresenterView => self.presenter_view ^= true,
            Action::ToggleWhatIf => self.what_if ^= true,
            Action::Stop => return false,
        }
        true
    }

    /// Keeps the slide index valid after the deck changed length.
    pub fn set_len(&mut self, len: usize) {
        self.len = len;
        self.slide = self.slide.min(len.saturating_sub(1));
    }

    /// Elapsed time since presenting started, as `h:mm:ss` or `mm:ss`.
    pub fn elapsed_text(&self) -> String {
        clock_text(self.started.elapsed().as_secs())
    }

    fn show(&mut self, index: usize) {
        self.slide = index;
        self.screen = Screen::Slide;
    }

    fn toggle_screen(&mut self, screen: Screen) {
        self.screen = if self.screen == screen {
            Screen::Slide
        } else {
            screen
        };
    }
}

/// `seconds` as `h:mm:ss`, or `mm:ss` under an hour.
pub fn clock_text(seconds: u64) -> String {
    let (h, m, s) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m:02}:{s:02}")
    }
}

fn digit(key: Key) -> Option<char> {
    let d = match key {
        Key::Num0 => '0',
        Key::Num1 => '1',
        Key::Num2 => '2',
        Key::Num3 => '3',
        Key::Num4 => '4',
        Key::Num5 => '5',
        Key::Num6 => '6',
        Key::Num7 => '7',
        Key::Num8 => '8',
        Key::Num9 => '9',
        _ => return None,
    };
    Some(d)
}

/// The slides to present: the scenario's own, or, when it has none, a default
/// deck generated from it (never saved unless the user edits the deck).
pub fn deck(scenario: &Scenario) -> Vec<Slide> {
    let slides = if scenario.slides.is_empty() {
        default_deck(scenario)
    } else {
        scenario.slides.clone()
    };
    // A file's 500 slides, each stepping through 200 phases, would be a
    // deck nobody asked for: the deck stops at the slides a file may hold.
    slides
        .into_iter()
        .flat_map(|slide| phases(scenario, slide))
        .take(crate::scenario::validate::MAX_SLIDES)
        .collect()
}

/// A timeline slide without a month as one slide per phase (the ceasefire,
/// then each month a step is taken), each titled with its month; any other
/// slide as it is.
fn phases(scenario: &Scenario, slide: Slide) -> Vec<Slide> {
    let SlideContent::Timeline { view, month: None } = &slide.content else {
        return vec![slide];
    };
    let horizon = scenario.horizon_years * 12.0;
    let mut months: Vec<f64> = std::iter::once(0.0)
        .chain(crate::scenario::timeline::taken_months(
            &scenario.timeline.steps,
        ))
        .filter(|m| *m <= horizon)
        .collect();
    months.sort_by(f64::total_cmp);
    months.dedup();
    months
        .into_iter()
        .map(|m| Slide {
            title: format!("{}: {}", slide.title, crate::kit::steps::month(m)),
            content: SlideContent::Timeline {
                view: view.clone(),
                month: Some(m),
            },
            notes: slide.notes.clone(),
        })
        .collect()
}

/// Whether the scenario's deck is generated rather than saved in the file.
pub fn is_generated(scenario: &Scenario) -> bool {
    scenario.slides.is_empty()
}

/// A default deck for a scenario: the overview map, each arrangement on the map,
/// the assessment headline, and the comparison of the arrangements.
pub fn default_deck(scenario: &Scenario) -> Vec<Slide> {
    let protected: Vec<String> = unique(
        scenario
            .arrangements
            .iter()
            .flat_map(|a| a.protected_states.iter().cloned()),
    );
    let mut slides = vec![Slide {
        title: scenario.meta.title.clone(),
        content: SlideContent::Map {
            view: scenario.map_view.clone(),
            highlight: protected.clone(),
        },
        notes: first_paragraph(&scenario.meta.notes),
    }];
    for a in &scenario.arrangements {
        let highlight = unique(
            a.protected_states
                .iter()
                .cloned()
                .chain(a.guarantors.iter().map(|g| g.state.clone())),
        );
        let guarantors: Vec<&str> = a.guarantors.iter().map(|g| g.state.as_str()).collect();
        let mut notes = match a.kind {
            ArrangementKind::ArmedNeutrality => {
                "No guarantor: the protected state relies on its own forces.".to_owned()
            }
            _ if guarantors.is_empty() => "No guarantor named yet.".to_owned(),
            _ => format!("Guarantors: {}.", guarantors.join(", ")),
        };
        if !a.notes.is_empty() {
            notes.push_str("\n\n");
            notes.push_str(&first_paragraph(&a.notes));
        }
        slides.push(Slide {
            title: a.name.clone(),
            content: SlideContent::Map {
                view: MapView {
                    zoom: scenario.map_view.zoom.max(1.0),
                    ..scenario.map_view.clone()
                },
                highlight,
            },
            notes,
        });
    }
    if !scenario.timeline.steps.is_empty() {
        slides.push(Slide {
            title: "The settlement over time".into(),
            content: SlideContent::Timeline {
                view: scenario.map_view.clone(),
                month: None,
            },
            notes: "Step by step: what is in force at each month, and the chance of attack in \
                    that year. Shaded: windows of vulnerability and commitment problems."
                .into(),
        });
        slides.push(Slide {
            title: "The chance of attack over time".into(),
            content: SlideContent::Plot {
                plot: PlotKind::OverTime,
                state: protected.first().cloned(),
            },
            notes: "By period and cumulated from the ceasefire, with the windows shaded.".into(),
        });
    }
    slides.push(Slide {
        title: "The assessment".into(),
        content: SlideContent::Plot {
            plot: PlotKind::Headline,
            state: protected.first().cloned(),
        },
        notes: "Chance of a renewed attack over the horizon, the defence burden and \
                acceptability to the adversary, with their uncertainty."
            .into(),
    });
    slides.push(Slide {
        title: "The arrangements compared".into(),
        content: SlideContent::Comparison,
        notes: "Which arrangement deters more, at what cost, and which the adversary could accept."
            .into(),
    });
    slides
}

fn unique(items: impl Iterator<Item = String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for item in items {
        if !out.contains(&item) {
            out.push(item);
        }
    }
    out
}

fn first_paragraph(text: &str) -> String {
    text.split("\n\n")
        .next()
        .unwrap_or_default()
        .trim()
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::scenario::example;

    #[test]
    fn a_timeline_slide_steps_through_every_phase_one_slide_each() {
        let s = example("sequencing-root-causes-first.bulwark.json");
        let deck = deck(&s);
        let months: Vec<f64> = deck
            .iter()
            .filter_map(|slide| match slide.content {
                SlideContent::Timeline { month, .. } => month,
                _ => None,
            })
            .collect();
        assert_eq!(
            months,
            [0.0, 6.0, 12.0, 18.0],
            "the ceasefire and each step's month"
        );
        assert!(
            deck[1].title.ends_with("month 6 (year 1)"),
            "{}",
            deck[1].title
        );
        assert_eq!(deck.len(), s.slides.len() + 3);
        // A scenario without slides gets the phases in its generated deck.
        let mut generated = s.clone();
        generated.slides.clear();
        assert!(deck_has_phases(&super::deck(&generated)));
        // However many a file asks for, the deck stops at the slides a file may hold.
        let mut many = s;
        many.slides = vec![many.slides[0].clone(); crate::scenario::validate::MAX_SLIDES];
        assert_eq!(
            super::deck(&many).len(),
            crate::scenario::validate::MAX_SLIDES
        );
    }

    fn deck_has_phases(deck: &[Slide]) -> bool {
        deck.iter()
            .filter(|s| matches!(s.content, SlideContent::Timeline { month: Some(_), .. }))
            .count()
            == 4
    }

    fn running(len: usize) -> Presentation {
        Presentation::start(len, RestoreLayout::default(), false)
    }

    fn press(p: &mut Presentation, keys: &[Key]) {
        for key in keys {
            if let Some(action) = p.key(*key) {
                p.apply(action);
            }
        }
    }

    #[test]
    fn every_key_of_the_table_gives_its_action() {
        for action in Action::WITH_KEYS {
            assert!(!action.keys().is_empty(), "{action:?} has keys");
            for key in action.keys() {
                assert_eq!(running(3).key(*key), Some(action), "{key:?}");
            }
        }
    }

    #[test]
    fn every_next_key_advances_and_stops_at_the_end() {
        for key in [
            Key::ArrowRight,
            Key::ArrowDown,
            Key::Space,
            Key::PageDown,
            Key::Enter,
        ] {
            let mut p = running(3);
            press(&mut p, &[key]);
            assert_eq!(p.slide, 1, "{key:?}");
            press(&mut p, &[key, key, key]);
            assert_eq!(p.slide, 2, "{key:?} stops at the last slide");
        }
    }

    #[test]
    fn every_previous_key_goes_back_and_stops_at_the_start() {
        for key in [Key::ArrowLeft, Key::ArrowUp, Key::PageUp, Key::Backspace] {
            let mut p = running(3);
            p.slide = 2;
            press(&mut p, &[key]);
            assert_eq!(p.slide, 1, "{key:?}");
            press(&mut p, &[key, key]);
            assert_eq!(p.slide, 0, "{key:?} stops at the first slide");
        }
    }

    #[test]
    fn home_and_end() {
        let mut p = running(5);
        press(&mut p, &[Key::End]);
        assert_eq!(p.slide, 4);
        press(&mut p, &[Key::Home]);
        assert_eq!(p.slide, 0);
    }

    #[test]
    fn digits_then_enter_jump_rather_than_advance() {
        let mut p = running(12);
        press(&mut p, &[Key::Num1, Key::Num1, Key::Enter]);
        assert_eq!(p.slide, 10, "slide number 11 is index 10");
        assert!(p.typed.is_empty());
        press(&mut p, &[Key::Num3]);
        assert_eq!(p.typed, "3");
        press(&mut p, &[Key::Enter]);
        assert_eq!(p.slide, 2);
        press(&mut p, &[Key::Enter]);
        assert_eq!(p.slide, 3, "Enter without digits advances");
    }

    #[test]
    fn out_of_range_numbers_clamp() {
        let mut p = running(4);
        press(&mut p, &[Key::Num9, Key::Num9, Key::Enter]);
        assert_eq!(p.slide, 3);
        press(&mut p, &[Key::Num0, Key::Enter]);
        assert_eq!(p.slide, 0);
    }

    #[test]
    fn another_key_after_digits_drops_them() {
        let mut p = running(9);
        press(&mut p, &[Key::Num5, Key::ArrowRight]);
        assert_eq!(p.slide, 1);
        assert!(p.typed.is_empty());
        assert_eq!(p.key(Key::Num2), None);
        assert_eq!(p.key(Key::Escape), None, "Esc clears the number first");
        assert_eq!(p.key(Key::Escape), Some(Action::Stop));
    }

    #[test]
    fn blackout_whiteout_and_laser_toggle() {
        let mut p = running(3);
        press(&mut p, &[Key::B]);
        assert_eq!(p.screen, Screen::Black);
        press(&mut p, &[Key::W]);
        assert_eq!(p.screen, Screen::White);
        press(&mut p, &[Key::W]);
        assert_eq!(p.screen, Screen::Slide);
        press(&mut p, &[Key::B, Key::ArrowRight]);
        assert_eq!(p.screen, Screen::Slide, "moving on lifts the blackout");
        assert_eq!(
            p.slide, 0,
            "the first key press after a blackout only lifts it"
        );
        press(&mut p, &[Key::L]);
        assert!(p.laser);
        press(&mut p, &[Key::L]);
        assert!(!p.laser);
    }

    #[test]
    fn the_key_hint_goes_after_the_first_command() {
        let mut p = running(3);
        assert!(p.hint);
        press(&mut p, &[Key::Num2]);
        assert!(p.hint, "typing digits keeps it (the number shows instead)");
        press(&mut p, &[Key::Enter]);
        assert!(!p.hint);
    }

    #[test]
    fn an_empty_deck_is_safe() {
        let mut p = running(0);
        press(&mut p, &[Key::ArrowRight, Key::End, Key::Num3, Key::Enter]);
        assert_eq!(p.slide, 0);
    }

    #[test]
    fn a_scenario_without_slides_gets_a_default_deck() {
        let mut s = crate::scenario::blank();
        assert!(is_generated(&s));
        let slides = deck(&s);
        assert_eq!(slides.len(), 3, "overview, assessment, comparison");
        s.arrangements.push(crate::scenario::templates::arrangement(
            ArrangementKind::NatoMembership,
            "UKR",
            "nato",
        ));
        let slides = deck(&s);
        assert_eq!(slides.len(), 4);
        assert!(matches!(slides[0].content, SlideContent::Map { .. }));
        assert!(matches!(slides[2].content, SlideContent::Plot { .. }));
        assert!(matches!(slides[3].content, SlideContent::Comparison));
    }

    #[test]
    fn clock_text_formats() {
        assert_eq!(clock_text(65), "01:05");
        assert_eq!(clock_text(3725), "1:02:05");
    }
}
