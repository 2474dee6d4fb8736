//! A panel that fails to draw does not take the app down: a panic while
//! drawing one panel or slide is caught, and the panel says what went wrong in
//! its place, while the rest of the window, the document and its recovery
//! file carry on. (No file should make a panel panic; this is the net under
//! the defects that remain.)

use std::panic::{AssertUnwindSafe, catch_unwind};

use egui::{RichText, Ui};

use super::theme;

/// Draws `add` into `ui`; if it panics, shows a short message naming `what`
/// (e.g. "the map") in its place and returns `None`.
pub fn contain<R>(ui: &mut Ui, what: &str, add: impl FnOnce(&mut Ui) -> R) -> Option<R> {
    // The closure's own state may be left half-changed by the panic; the
    // views' state is rebuilt from the document where it matters, and this
    // frame draws the message instead.
    let result = ui
        .scope(|ui| catch_unwind(AssertUnwindSafe(|| add(ui))))
        .inner;
    match result {
        Ok(value) => Some(value),
        Err(panic) => {
            let detail = panic
                .downcast_ref::<&str>()
                .map(|s| (*s).to_owned())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "no details".to_owned());
            ui.label(
                RichText::new(format!(
                    "Bulwark could not draw {what} ({}). Your document is safe; \
                     save it, and please report this with the scenario file.",
                    crate::scenario::validate::elide(&detail, 200)
                ))
                .color(theme::warning_text(ui)),
            );
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable;

    #[test]
    fn a_panicking_panel_shows_a_message_and_the_rest_draws() {
        let h = Harness::new_ui(|ui| {
            let drawn = contain(ui, "the map", |_ui| -> u8 { panic!("a texture too large") });
            assert!(drawn.is_none());
            ui.label("The rest of the window");
        });
        assert!(
            h.query_by_label_contains("could not draw the map (a texture too large)")
                .is_some()
        );
        assert!(h.query_by_label("The rest of the window").is_some());
    }
}
