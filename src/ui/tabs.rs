//! Several scenarios open at once, as tabs. The active document is held apart
//! (so all editing code works on one document); the others wait in tab order,
//! and switching swaps them.

use super::document::Document;

/// Most tabs open at once.
pub const MAX_TABS: usize = 12;

/// The open documents, one of them active.
pub struct Tabs {
    /// The document in the active tab.
    active: Document,
    /// The documents in the other tabs, in tab order without the active one.
    others: Vec<Document>,
    /// Position of the active tab among all tabs.
    active_index: usize,
}

impl Tabs {
    /// One tab holding `doc`.
    pub fn new(doc: Document) -> Self {
        Self {
            active: doc,
            others: Vec::new(),
            active_index: 0,
        }
    }

    /// The document in the active tab.
    pub fn active(&self) -> &Document {
        &self.active
    }

    /// The document in the active tab, to edit, save or undo.
    pub fn active_mut(&mut self) -> &mut Document {
        &mut self.active
    }

    /// The documents in the tabs that are not active.
    pub fn others(&self) -> &[Document] {
        &self.others
    }

    /// Number of open tabs.
    pub fn count(&self) -> usize {
        self.others.len() + 1
    }

    /// Position of the active tab.
    pub fn active_index(&self) -> usize {
        self.active_index
    }

    /// The document in tab `i`, if there is one.
    pub fn get(&self, i: usize) -> Option<&Document> {
        use std::cmp::Ordering;
        match i.cmp(&self.active_index) {
            Ordering::Equal => Some(&self.active),
            Ordering::Less => self.others.get(i),
            Ordering::Greater => self.others.get(i - 1),
        }
    }

    /// Every open document, in tab order.
    pub fn documents(&self) -> Vec<&Document> {
        (0..self.count()).filter_map(|i| self.get(i)).collect()
    }

    /// Makes tab `i` the active one.
    pub fn switch(&mut self, i: usize) {
        if i == self.active_index || i >= self.count() {
            return;
        }
        let placeholder = Document::new(crate::scenario::blank(), None, "");
        let mut all = std::mem::take(&mut self.others);
        all.insert(
            self.active_index,
            std::mem::replace(&mut self.active, placeholder),
        );
        self.active = all.remove(i);
        self.others = all;
        self.active_index = i;
    }

    /// Opens `doc` in a new tab and makes it active. An untouched placeholder
    /// (the start-up example, a blank new scenario) is replaced instead. Fails,
    /// saying why, when [`MAX_TABS`] are open.
    pub fn open(&mut self, doc: Document) -> Result<(), String> {
        if self.active.is_replaceable() {
            self.active = doc;
            return Ok(());
        }
        if self.count() >= MAX_TABS {
            return Err(format!(
                "At most {MAX_TABS} scenarios can be open at once; close one first."
            ));
        }
        let mut all = std::mem::take(&mut self.others);
        all.insert(self.active_index, std::mem::replace(&mut self.active, doc));
        self.active_index = all.len();
        self.others = all;
        Ok(())
    }

    /// Closes tab `i` without asking; the last tab is replaced by a blank scenario.
    pub fn close(&mut self, i: usize) {
        if i >= self.count() {
            return;
        }
        self.switch(i);
        if self.others.is_empty() {
            self.active = Document::new(crate::scenario::blank(), None, "Untitled").replaceable();
            return;
        }
        let next = i.min(self.others.len() - 1);
        self.active = self.others.remove(next);
        self.active_index = next;
    }

    /// Forgets the active tab's unsaved changes (the user chose to discard
    /// them before quitting): it keeps its scenario but no file or history.
    pub fn forget_active_changes(&mut self) {
        self.active = Document::new(self.active.scenario().clone(), None, "");
    }

    /// The first tab with unsaved changes.
    pub fn first_dirty(&self) -> Option<usize> {
        (0..self.count()).find(|i| self.get(*i).is_some_and(Document::is_dirty))
    }
}
