//! Which screen a briefing goes to: the "Present on" setting, the screens
//! connected now, and the choice between them.
//!
//! eframe 0.37 gives what is needed. Its `Frame::winit_window` lists the
//! connected screens (winit's `available_monitors`, with their names, sizes and
//! positions, and the one the window is on), and egui's
//! [`egui::ViewportCommand::SetMonitor`] puts the window borderless full-screen
//! on a screen by its index in that same list. The app lists the screens (see
//! `BulwarkApp`'s `monitors`); this module only decides, so it is tested
//! without a window. Where the screens cannot be listed (tests, some
//! platforms), presenting goes full-screen on the window's own screen, which
//! always works, with one screen or many.

use serde::{Deserialize, Serialize};

/// One connected screen (monitor), as the windowing system reports it.
#[derive(Clone, Debug, PartialEq)]
pub struct Monitor {
    /// The system's name for it (e.g. `HDMI-1`), or `Screen N` without one.
    pub name: String,
    /// Size in physical pixels.
    pub size: [u32; 2],
    /// Top-left corner on the desktop, physical pixels.
    pub position: [i32; 2],
    /// Physical pixels per logical point.
    pub scale: f64,
    /// Whether Bulwark's window is on this screen.
    pub has_window: bool,
}

impl Monitor {
    /// How the screen is named in the menu: name, size, and whether the window is on it.
    pub fn label(&self) -> String {
        let here = if self.has_window {
            " (this window)"
        } else {
            ""
        };
        format!("{} — {}×{}{here}", self.name, self.size[0], self.size[1])
    }
}

/// The "Present on" setting: where the slides go when presenting starts.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum PresentOn {
    /// Full screen on the screen the window is on (also with one screen).
    #[default]
    ThisScreen,
    /// Full screen on a screen the window is not on (the projector), with the
    /// presenter view opened at once on the window's screen.
    OtherScreen,
    /// Full screen on the screen with this name, when it is connected.
    Named(String),
}

/// Where presenting puts the slides, decided against the screens connected now.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Placement {
    /// Index of the screen in the system's list (the index
    /// [`egui::ViewportCommand::SetMonitor`] takes); none: full screen on the
    /// window's own screen.
    pub monitor: Option<usize>,
    /// The screen the window was on, when the slides go to another one: the
    /// presenter view opens at once, there.
    pub presenter_screen: Option<Monitor>,
    /// Why the setting could not be followed, for the status line.
    pub note: Option<String>,
}

impl Placement {
    /// Whether the slides go to a screen other than the window's.
    pub fn elsewhere(&self) -> bool {
        self.presenter_screen.is_some()
    }
}

/// Decides where the slides go for the setting `choice` with the screens
/// `monitors` (in the system's order; empty when they cannot be listed).
pub fn place(choice: &PresentOn, monitors: &[Monitor]) -> Placement {
    let here = monitors.iter().position(|m| m.has_window);
    match choice {
        PresentOn::ThisScreen => Placement::default(),
        PresentOn::OtherScreen => other_screen(monitors, here, None),
        PresentOn::Named(name) => match monitors.iter().position(|m| m.name == *name) {
            Some(i) if Some(i) == here => Placement {
                monitor: Some(i),
                ..Placement::default()
            },
            Some(i) => Placement {
                monitor: Some(i),
                presenter_screen: here.and_then(|h| monitors.get(h)).cloned(),
                note: None,
            },
            None => other_screen(monitors, here, Some(format!("{name} is not connected"))),
        },
    }
}

/// The first screen the window is not on, or the window's own screen when
/// there is no other (or when it is not known which screen the window is on).
fn other_screen(monitors: &[Monitor], here: Option<usize>, why: Option<String>) -> Placement {
    let other = here.and_then(|h| (0..monitors.len()).find(|&i| i != h));
    match (here, other) {
        (Some(h), Some(i)) => Placement {
            monitor: Some(i),
            presenter_screen: monitors.get(h).cloned(),
            note: why.map(|w| format!("{w}; presenting on {}", monitors[i].name)),
        },
        _ => {
            let reason = match (monitors.len(), why) {
                (_, Some(w)) => w,
                (0, None) => "The screens cannot be listed here".to_owned(),
                (1, None) => "Only one screen is connected".to_owned(),
                (_, None) => "It is not known which screen this window is on".to_owned(),
            };
            Placement {
                note: Some(format!("{reason}; presenting on this window's screen")),
                ..Placement::default()
            }
        }
    }
}

/// Where to open the presenter view on `screen` and how large, in egui points
/// (`zoom` is egui's zoom factor): near its top-left corner, filling most of it.
pub fn presenter_window_on(screen: &Monitor, zoom: f32) -> (egui::Pos2, egui::Vec2) {
    let per_point = (screen.scale as f32 * zoom).max(0.1);
    let origin = egui::pos2(screen.position[0] as f32, screen.position[1] as f32) / per_point;
    let size = egui::vec2(screen.size[0] as f32, screen.size[1] as f32) / per_point;
    let margin = egui::vec2(40.0, 40.0);
    let inner = (size * 0.9 - margin).max(egui::vec2(640.0, 400.0));
    (origin + margin, inner.min(egui::vec2(1600.0, 1000.0)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn screen(name: &str, x: i32, has_window: bool) -> Monitor {
        Monitor {
            name: name.into(),
            size: [1920, 1080],
            position: [x, 0],
            scale: 1.0,
            has_window,
        }
    }

    #[test]
    fn this_screen_is_full_screen_where_the_window_is() {
        let two = [screen("eDP-1", 0, true), screen("HDMI-1", 1920, false)];
        let p = place(&PresentOn::ThisScreen, &two);
        assert_eq!(p.monitor, None);
        assert!(!p.elsewhere(), "no presenter view forced open");
    }

    #[test]
    fn the_other_screen_gets_the_slides_and_this_one_the_presenter_view() {
        let two = [screen("HDMI-1", -1920, false), screen("eDP-1", 0, true)];
        let p = place(&PresentOn::OtherScreen, &two);
        assert_eq!(p.monitor, Some(0));
        assert_eq!(p.presenter_screen.map(|m| m.name), Some("eDP-1".into()));
        assert_eq!(p.note, None);
    }

    #[test]
    fn with_one_screen_every_setting_presents_on_it() {
        let one = [screen("eDP-1", 0, true)];
        for choice in [
            PresentOn::ThisScreen,
            PresentOn::OtherScreen,
            PresentOn::Named("HDMI-1".into()),
        ] {
            let p = place(&choice, &one);
            assert_eq!(p.monitor, None, "{choice:?}");
            assert!(!p.elsewhere(), "{choice:?}");
        }
        let p = place(&PresentOn::OtherScreen, &one);
        assert_eq!(
            p.note.as_deref(),
            Some("Only one screen is connected; presenting on this window's screen")
        );
    }

    #[test]
    fn a_named_screen_is_found_by_name_or_replaced_by_the_other_one() {
        let three = [
            screen("eDP-1", 0, true),
            screen("DP-2", 1920, false),
            screen("HDMI-1", 3840, false),
        ];
        let p = place(&PresentOn::Named("HDMI-1".into()), &three);
        assert_eq!(p.monitor, Some(2));
        assert!(p.elsewhere());
        let p = place(&PresentOn::Named("eDP-1".into()), &three);
        assert_eq!(p.monitor, Some(0));
        assert!(!p.elsewhere(), "the window's own screen: no presenter view");
        let p = place(&PresentOn::Named("VGA-1".into()), &three);
        assert_eq!(p.monitor, Some(1));
        assert_eq!(
            p.note.as_deref(),
            Some("VGA-1 is not connected; presenting on DP-2")
        );
    }

    #[test]
    fn unknown_screens_fall_back_to_this_window() {
        let p = place(&PresentOn::OtherScreen, &[]);
        assert_eq!(p.monitor, None);
        assert!(p.note.is_some_and(|n| n.contains("cannot be listed")));
        let unknown = [screen("A", 0, false), screen("B", 1920, false)];
        assert_eq!(place(&PresentOn::OtherScreen, &unknown).monitor, None);
    }

    #[test]
    fn the_presenter_view_opens_on_the_laptop_screen() {
        let laptop = Monitor {
            scale: 2.0,
            size: [2880, 1800],
            position: [1920, 0],
            ..screen("eDP-1", 0, true)
        };
        let (pos, size) = presenter_window_on(&laptop, 1.0);
        assert_eq!(pos, egui::pos2(1000.0, 40.0), "points, on that screen");
        assert!(
            size.x <= 1440.0 && size.y <= 900.0,
            "fits the screen: {size:?}"
        );
    }
}
