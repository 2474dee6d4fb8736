//! The one place commands are carried out. A command that would discard
//! unsaved changes asks first; the answer comes back as a command too.

use super::{BulwarkApp, Question};
use crate::present::Action;
use crate::ui::commands::{Command, UnsavedChoice};
use crate::ui::document::Document;

impl BulwarkApp {
    /// Carries out one command (a command that would discard unsaved changes
    /// asks first, and goes ahead once answered).
    pub fn apply(&mut self, command: Command) {
        match command {
            Command::New => {
                let blank = Document::new(crate::scenario::blank(), None, "Untitled");
                self.open_tab(blank.replaceable());
                self.dialogs.message = "New scenario".into();
            }
            Command::NewFromTemplate => {
                self.dialogs.question = Some(Question::NewCase(Default::default()));
            }
            Command::ChooseNewCase(request) => {
                if let Some(Question::NewCase(chosen)) = &mut self.dialogs.question {
                    *chosen = request;
                }
            }
            Command::AnswerNewCase(create) => self.answer_new_case(create),
            Command::CloseTab(i) if self.tabs.get(i).is_some_and(Document::is_dirty) => {
                self.tabs.switch(i);
                self.ask_unsaved(command);
            }
            Command::CloseTab(i) => self.tabs.close(i),
            Command::Quit => match self.tabs.first_dirty() {
                Some(i) => {
                    self.tabs.switch(i);
                    self.ask_unsaved(command);
                }
                None => self.window.closing = true,
            },
            Command::SwitchTab(i) => {
                if i != self.tabs.active_index() {
                    self.views.map.clear_marks();
                }
                self.tabs.switch(i);
            }
            Command::ToggleCompare => self.show_compare ^= true,
            Command::Open
            | Command::OpenTypedPath
            | Command::OpenPath(_)
            | Command::OpenExample(_)
            | Command::Save
            | Command::SaveAs
            | Command::SaveTo(_)
            | Command::AnswerRecovery(_)
            | Command::AnswerChangedOnDisk(_)
            | Command::AnswerReadOnly(_)
            | Command::TypePath(_)
            | Command::ChoosePathOption(_)
            | Command::AnswerTypedPath(_) => self.apply_file_command(command),
            Command::Undo => {
                let what = self.tabs.active().undo_description();
                self.dialogs.message = match what {
                    Some(what) if self.tabs.active_mut().undo() => format!("Undone: {what}"),
                    _ => "Nothing to undo".into(),
                };
            }
            Command::Redo => {
                let what = self.tabs.active().redo_description();
                self.dialogs.message = match what {
                    Some(what) if self.tabs.active_mut().redo() => format!("Redone: {what}"),
                    _ => "Nothing to redo".into(),
                };
            }
            Command::Edit { scenario, group } => self.tabs.active_mut().edit(*scenario, group),
            Command::ToggleLeftPanel => self.settings.show_left ^= true,
            Command::ToggleRightPanel => self.settings.show_right ^= true,
            Command::SetTheme(theme) => self.settings.theme = theme,
            Command::SetPresentOn(choice) => self.settings.present_on = choice,
            Command::Present => self.start_presenting(),
            Command::Presenting(Action::Stop) => self.stop_presenting(),
            Command::Presenting(action) => {
                if let Some(p) = &mut self.presenting.presentation {
                    p.apply(action);
                }
            }
            Command::SlideKey(key) => {
                let action = self
                    .presenting
                    .presentation
                    .as_mut()
                    .and_then(|p| p.key(key));
                if let Some(action) = action {
                    self.apply(Command::Presenting(action));
                }
            }
            Command::ExportSlides
            | Command::ExportSlidesTo(_)
            | Command::ExportSlidesPdf
            | Command::ExportSlidesPdfTo(..)
            | Command::ExportMapPrint
            | Command::ExportMapPrintTo(..)
            | Command::ExportMapImage
            | Command::ExportPlot(_)
            | Command::ExportPlotTo(..)
            | Command::ExportAssessment { .. }
            | Command::ExportMapImageTo(_)
            | Command::ExportAssessmentTo { .. }
            | Command::ExportGeography
            | Command::ExportGeographyTo(_)
            | Command::ImportGeography
            | Command::ImportGeographyFrom(_) => self.apply_export_command(command),
            Command::ShowPlot(plot) => self.views.panel.plot = plot,
            Command::ShowMonth(month) => self.tabs.active_mut().show_month(month),
            Command::About => self.dialogs.about = true,
            Command::CloseAbout => self.dialogs.about = false,
            Command::ClearRecent => self.settings.recent.clear(),
            Command::AnswerUnsaved(choice) => self.answer_unsaved(choice),
            Command::AnswerLink(open) => {
                if let Some(Question::OpenLink { url }) = self.dialogs.question.take()
                    && open
                {
                    self.window.approved_link = Some(url);
                }
            }
            Command::AnswerLoadImage(load) => {
                if let Some(Question::LoadImage { address, path }) = self.dialogs.question.take()
                    && load
                {
                    self.window.approved_image = Some((address, path));
                }
            }
            Command::StopAssessment => {
                let doc = self.tabs.active();
                let (id, revision) = (doc.id(), doc.revision());
                self.runner.stop(id, revision);
                self.dialogs.message = "Stopped the assessment".into();
            }
            Command::AssessAgain => {
                let id = self.tabs.active().id();
                self.runner.resume(id);
            }
            Command::ShowBacktest => self.views.backtest.show_window(),
            Command::CloseBacktest => self.views.backtest.open = false,
            Command::OpenPalette => self.views.palette.show_window(),
            Command::ShowGuide => self.views.guide.open = true,
            Command::CloseGuide => self.views.guide.open = false,
            Command::NextPanel(backwards) => self.views.panel_focus.request(backwards),
            Command::DismissError => {
                self.dialogs.error = None;
                self.dialogs.error_heading = "";
            }
            Command::Report(message) => self.dialogs.message = message,
        }
    }

    /// Finishes the new-scenario dialog: builds the scenario chosen in a new
    /// tab, or cancels.
    fn answer_new_case(&mut self, create: bool) {
        let Some(Question::NewCase(request)) = self.dialogs.question.take() else {
            return;
        };
        if !create {
            self.dialogs.message = "Cancelled".into();
            return;
        }
        match request.build() {
            Ok(scenario) => {
                let title = scenario.meta.title.clone();
                self.open_tab(Document::new(scenario, None, &title));
                self.dialogs.message = format!("New scenario: {title}");
            }
            Err(e) => self.dialogs.error = Some(e.to_string()),
        }
    }

    /// Asks about the active tab's unsaved changes before `then`.
    fn ask_unsaved(&mut self, then: Command) {
        self.dialogs.question = Some(Question::UnsavedChanges {
            then: Box::new(then),
        });
    }

    /// Opens `doc` in a new tab (or says why not).
    pub(super) fn open_tab(&mut self, doc: Document) {
        match self.tabs.open(doc) {
            Ok(()) => self.views.map.clear_marks(),
            Err(e) => {
                self.dialogs.error = Some(e);
                self.dialogs.error_heading = "Too many scenarios open";
            }
        }
    }

    /// Answers the unsaved-changes question.
    fn answer_unsaved(&mut self, choice: UnsavedChoice) {
        let Some(Question::UnsavedChanges { then }) = self.dialogs.question.take() else {
            return;
        };
        match choice {
            UnsavedChoice::Cancel => self.dialogs.message = "Cancelled".into(),
            UnsavedChoice::Discard => self.discard_then(*then),
            UnsavedChoice::Save => self.save_then(*then),
        }
    }

    /// After the user chose to discard the active tab's changes: close it, and
    /// go on with `then` (quitting asks about the next unsaved tab).
    fn discard_then(&mut self, then: Command) {
        match then {
            Command::CloseTab(_) => self.tabs.close(self.tabs.active_index()),
            Command::Quit => {
                self.tabs.forget_active_changes();
                self.apply(Command::Quit);
            }
            other => self.apply(other),
        }
        if let Some(Question::UnsavedChanges { .. }) = &self.dialogs.question {
            self.dialogs.message = "Another scenario has unsaved changes".into();
        }
    }
}
