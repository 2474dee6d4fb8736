//! An open scenario document: the scenario, where it lives on disk, the version
//! last saved (for the unsaved-changes marker) and the undo history.

use std::path::{Path, PathBuf};

use crate::scenario::Scenario;

/// Most undo steps kept; older ones are dropped.
const MAX_UNDO: usize = 500;

/// One open scenario with its editing state.
#[derive(Clone, Debug)]
pub struct Document {
    scenario: Scenario,
    /// The file it was loaded from or last saved to; none for a new document or
    /// an example (which must be saved under a new name).
    path: Option<PathBuf>,
    /// Name shown when there is no path (an example's file name, or "Untitled").
    display_name: String,
    /// The scenario as last saved or loaded: the document is dirty when it differs.
    saved: Scenario,
    undo: Vec<Scenario>,
    redo: Vec<Scenario>,
    /// Edit group of the last edit, to merge keystrokes in one field into one step.
    last_group: Option<u64>,
    /// Counts changes to the scenario (edits, undo, redo), for autosave.
    revision: u64,
    /// Fingerprint of the file on disk when last loaded or saved, to notice
    /// changes made by someone else.
    disk_hash: Option<u64>,
    /// Whether opening another document may replace this one (an untouched
    /// start-up example or blank scenario).
    replaceable: bool,
    /// Unique for the life of the process: keys the assessment cache.
    id: u64,
    /// The month after the ceasefire the map and the assessment show, for a
    /// scenario with a timeline (the timeline strip's scrubber). A view of
    /// the document, not part of it: not saved, not undone.
    shown_month: f64,
}

/// Hands out document ids.
static NEXT_ID: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

impl Document {
    /// A document for a scenario, with no undo history.
    pub fn new(scenario: Scenario, path: Option<PathBuf>, display_name: &str) -> Self {
        Self {
            saved: scenario.clone(),
            scenario,
            path,
            display_name: display_name.to_owned(),
            undo: Vec::new(),
            redo: Vec::new(),
            last_group: None,
            revision: 0,
            shown_month: 0.0,
            disk_hash: None,
            replaceable: false,
            id: NEXT_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
        }
        .with_disk_hash()
    }

    /// A document restored from a recovery file: unsaved changes on top of the
    /// file it belongs to (if that still loads).
    pub fn restored(scenario: Scenario, path: Option<PathBuf>) -> Self {
        let on_disk = path
            .as_deref()
            .and_then(|p| crate::scenario::load_file(p).ok());
        let mut doc = Self::new(scenario, path, "Recovered");
        doc.saved = on_disk.unwrap_or_else(crate::scenario::blank);
        doc.revision = 1;
        doc
    }

    /// Marks the document as a placeholder that opening another may replace.
    pub fn replaceable(mut self) -> Self {
        self.replaceable = true;
        self
    }

    /// Whether opening another document may replace this one: a placeholder
    /// that has never been edited.
    pub fn is_replaceable(&self) -> bool {
        self.replaceable && self.revision == 0
    }

    fn with_disk_hash(mut self) -> Self {
        self.disk_hash = self.path.as_deref().and_then(crate::scenario::file_hash);
        self
    }

    /// Unique id of this document for the life of the process.
    pub fn id(&self) -> u64 {
        self.id
    }

    /// Counts changes to the scenario; changes whenever the scenario does.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// The month the map and the assessment show (see the timeline strip),
    /// held within the scenario's horizon.
    pub fn shown_month(&self) -> f64 {
        self.shown_month
            .clamp(0.0, (self.scenario.horizon_years * 12.0).max(0.0))
    }

    /// Shows the scenario as it stands at `month` (a finite month; held
    /// within the horizon when read).
    pub fn show_month(&mut self, month: f64) {
        if month.is_finite() {
            self.shown_month = month.max(0.0);
        }
    }

    /// Whether the file on disk differs from what was loaded or last saved
    /// (someone else changed or deleted it).
    pub fn changed_on_disk(&self) -> bool {
        match &self.path {
            Some(path) => crate::scenario::file_hash(path) != self.disk_hash,
            None => false,
        }
    }

    /// The scenario being edited.
    pub fn scenario(&self) -> &Scenario {
        &self.scenario
    }

    /// The file behind the document, if any.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The file name (or a placeholder) for titles and tabs.
    pub fn name(&self) -> String {
        self.path
            .as_ref()
            .and_then(|p| p.file_name())
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| self.display_name.clone())
    }

    /// True when the scenario differs from the version last saved.
    /// Panning and zooming the map do not count (the view is saved with the
    /// file, but moving it changes nothing a colleague would miss); the
    /// layers shown do.
    pub fn is_dirty(&self) -> bool {
        !same_but_the_view(&self.scenario, &self.saved)
    }

    /// Replaces the scenario with an edited version as one undoable step. Edits
    /// with the same `group` in a row (keystrokes in one text field, one slider
    /// drag) merge into a single step.
    pub fn edit(&mut self, edited: Scenario, group: Option<u64>) {
        if edited == self.scenario {
            return;
        }
        let merge = group.is_some() && group == self.last_group && !self.undo.is_empty();
        let previous = std::mem::replace(&mut self.scenario, edited);
        if !merge {
            self.undo.push(previous);
            if self.undo.len() > MAX_UNDO {
                self.undo.remove(0);
            }
        }
        self.redo.clear();
        self.last_group = group;
        self.revision += 1;
    }

    /// Applies a change to a copy of the scenario as one undoable step.
    pub fn modify(&mut self, change: impl FnOnce(&mut Scenario)) {
        let mut edited = self.scenario.clone();
        change(&mut edited);
        self.edit(edited, None);
    }

    /// Whether there is a step to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Whether there is a step to redo.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// What the next Undo would undo, in words ("an edit of the axes"), if
    /// there is a step to undo.
    pub fn undo_description(&self) -> Option<&'static str> {
        self.undo
            .last()
            .map(|previous| describe_change(previous, &self.scenario))
    }

    /// What the next Redo would redo, in words, if there is a step to redo.
    pub fn redo_description(&self) -> Option<&'static str> {
        self.redo
            .last()
            .map(|next| describe_change(&self.scenario, next))
    }

    /// Undoes the last edit; returns false when there was none.
    pub fn undo(&mut self) -> bool {
        let Some(previous) = self.undo.pop() else {
            return false;
        };
        self.redo
            .push(std::mem::replace(&mut self.scenario, previous));
        self.last_group = None;
        self.revision += 1;
        true
    }

    /// Redoes the last undone edit; returns false when there was none.
    pub fn redo(&mut self) -> bool {
        let Some(next) = self.redo.pop() else {
            return false;
        };
        self.undo.push(std::mem::replace(&mut self.scenario, next));
        self.last_group = None;
        self.revision += 1;
        true
    }

    /// Records that the scenario was saved to `path`.
    pub fn mark_saved(&mut self, path: PathBuf) {
        self.path = Some(path);
        self.saved = self.scenario.clone();
        self.last_group = None;
        self.disk_hash = self.path.as_deref().and_then(crate::scenario::file_hash);
    }
}

/// Whether two scenarios are the same but for where the map looks (its
/// centre and zoom). Every field is named, so a new one cannot be forgotten.
fn same_but_the_view(a: &Scenario, b: &Scenario) -> bool {
    let Scenario {
        format_version,
        meta,
        horizon_years,
        states,
        adversary,
        arrangements,
        axes,
        assumptions,
        simulation,
        settlement_line,
        map_view,
        slides,
        timeline,
    } = a;
    *format_version == b.format_version
        && *meta == b.meta
        && *horizon_years == b.horizon_years
        && *states == b.states
        && *adversary == b.adversary
        && *arrangements == b.arrangements
        && *axes == b.axes
        && *assumptions == b.assumptions
        && *simulation == b.simulation
        && *settlement_line == b.settlement_line
        && map_view.layers == b.map_view.layers
        && *slides == b.slides
        && *timeline == b.timeline
}

/// The part of the scenario an edit from `before` to `after` changed, in words
/// for Undo and Redo (the first part that differs, in the editor's order).
pub fn describe_change(before: &Scenario, after: &Scenario) -> &'static str {
    let parts: [(bool, &'static str); 11] = [
        (
            before.meta != after.meta,
            "an edit of the scenario's title, date or notes",
        ),
        (
            before.horizon_years != after.horizon_years || before.simulation != after.simulation,
            "an edit of the horizon or the Monte Carlo settings",
        ),
        (
            before.settlement_line != after.settlement_line,
            "a change of the settlement line",
        ),
        (
            before.arrangements != after.arrangements,
            "an edit of the arrangements",
        ),
        (
            before.states != after.states,
            "an edit of the states' forces and economies",
        ),
        (
            before.adversary != after.adversary,
            "an edit of the adversary",
        ),
        (before.axes != after.axes, "an edit of the axes"),
        (
            before.assumptions != after.assumptions,
            "an edit of the assumptions",
        ),
        (before.timeline != after.timeline, "an edit of the timeline"),
        (before.slides != after.slides, "an edit of the slides"),
        (
            before.map_view != after.map_view,
            "a change of the map view",
        ),
    ];
    parts
        .iter()
        .find(|(changed, _)| *changed)
        .map_or("an edit", |(_, words)| words)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc() -> Document {
        Document::new(crate::scenario::blank(), None, "Untitled")
    }

    #[test]
    fn undo_and_redo_restore_each_version() {
        let mut d = doc();
        d.modify(|s| s.meta.title = "A".into());
        d.modify(|s| s.meta.title = "B".into());
        assert!(d.is_dirty());
        assert!(d.undo());
        assert_eq!(d.scenario().meta.title, "A");
        assert!(d.undo());
        assert_eq!(d.scenario().meta.title, "Untitled scenario");
        assert!(
            !d.is_dirty(),
            "undoing every edit returns to the saved state"
        );
        assert!(!d.undo());
        assert!(d.redo());
        assert_eq!(d.scenario().meta.title, "A");
    }

    #[test]
    fn edits_in_one_group_merge_into_one_step() {
        let mut d = doc();
        for title in ["W", "Wa", "War"] {
            let mut s = d.scenario().clone();
            s.meta.title = title.into();
            d.edit(s, Some(7));
        }
        assert!(d.undo());
        assert_eq!(d.scenario().meta.title, "Untitled scenario");
        assert!(!d.can_undo());
    }

    #[test]
    fn a_new_edit_clears_redo() {
        let mut d = doc();
        d.modify(|s| s.meta.title = "A".into());
        d.undo();
        d.modify(|s| s.meta.author = "me".into());
        assert!(!d.can_redo());
    }
}
