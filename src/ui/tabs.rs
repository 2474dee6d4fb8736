//! Several scenarios open at once, as tabs. The active document lives in
//! `BulwarkApp::doc` (so all editing code works on one document); the others wait
//! in `others`, and switching swaps them.

use super::app::{BulwarkApp, Pending};
use super::commands::Command;
use super::document::Document;

/// Most tabs open at once.
pub const MAX_TABS: usize = 12;

impl BulwarkApp {
    /// Number of open tabs.
    pub fn tab_count(&self) -> usize {
        self.others.len() + 1
    }

    /// Position of the active tab.
    pub fn active_tab(&self) -> usize {
        self.active_index
    }

    /// The document in tab `i`, if there is one.
    pub fn tab(&self, i: usize) -> Option<&Document> {
        use std::cmp::Ordering;
        match i.cmp(&self.active_index) {
            Ordering::Equal => Some(&self.doc),
            Ordering::Less => self.others.get(i),
            Ordering::Greater => self.others.get(i - 1),
        }
    }

    /// Every open document, in tab order.
    pub fn documents(&self) -> Vec<&Document> {
        (0..self.tab_count()).filter_map(|i| self.tab(i)).collect()
    }

    /// Makes tab `i` the active one.
    pub fn switch_tab(&mut self, i: usize) {
        if i == self.active_index || i >= self.tab_count() {
            return;
        }
        let placeholder = Document::new(crate::scenario::blank(), None, "");
        let mut all = std::mem::take(&mut self.others);
        all.insert(
            self.active_index,
            std::mem::replace(&mut self.doc, placeholder),
        );
        self.doc = all.remove(i);
        self.others = all;
        self.active_index = i;
    }

    /// Opens `doc` in a new tab and makes it active. An untouched placeholder
    /// (the start-up example, a blank new scenario) is replaced instead.
    pub fn open_tab(&mut self, doc: Document) {
        if self.doc.is_replaceable() {
            self.doc = doc;
            return;
        }
        if self.tab_count() >= MAX_TABS {
            self.error = Some(format!(
                "At most {MAX_TABS} scenarios can be open at once; close one first."
            ));
            return;
        }
        let mut all = std::mem::take(&mut self.others);
        all.insert(self.active_index, std::mem::replace(&mut self.doc, doc));
        self.active_index = all.len();
        self.others = all;
    }

    /// Closes tab `i` without asking; the last tab is replaced by a blank scenario.
    pub fn close_tab(&mut self, i: usize) {
        if i >= self.tab_count() {
            return;
        }
        self.switch_tab(i);
        if self.others.is_empty() {
            self.doc = Document::new(crate::scenario::blank(), None, "Untitled").replaceable();
            return;
        }
        let next = i.min(self.others.len() - 1);
        self.doc = self.others.remove(next);
        self.active_index = next;
    }

    /// The first tab with unsaved changes.
    pub fn first_dirty_tab(&self) -> Option<usize> {
        (0..self.tab_count()).find(|i| self.tab(*i).is_some_and(Document::is_dirty))
    }

    /// After the user chose to discard the active tab's changes: close it, and
    /// go on with `then` (quitting asks about the next unsaved tab).
    pub(crate) fn discard_then(&mut self, then: Command) {
        match then {
            Command::CloseTab(_) => self.close_tab(self.active_index),
            Command::Quit => {
                // Forget the changes so the quit can go ahead.
                let clean = Document::new(self.doc.scenario().clone(), None, "");
                self.doc = clean;
                self.apply(Command::Quit);
            }
            other => self.apply(other),
        }
        if let Some(Pending::UnsavedChanges { .. }) = &self.pending {
            self.status = "Another scenario has unsaved changes".into();
        }
    }
}
