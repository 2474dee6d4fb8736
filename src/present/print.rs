//! Exports for print and reports as vector files: a deck as one PDF (slides,
//! notes pages, a handout), the map and any plot as SVG or PDF at a paper or
//! pixel size. Pages are drawn by the same code as on screen into an egui
//! context of their own, without a GPU, and written by [`super::vector`].
//! The PNG exports stay in [`super::export`].

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

use egui::{Color32, ColorImage, FontId, Pos2, Rect, TextureId, Ui, UiBuilder, Vec2, vec2};
use egui_commonmark::{CommonMarkCache, CommonMarkViewer};

use super::slide::{Figures, draw_figure, draw_slide};
use super::vector::pdf::{self, Info, PdfPage};
use super::vector::svg::{self, Extent};
use super::vector::{Page, Source};
use crate::kit::choices::Choice;
use crate::kit::note_images::NoteImages;
use crate::kit::theme;
use crate::scenario::{PlotKind, Scenario, Slide};

/// A file format for a map or a plot.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Scalable Vector Graphics.
    Svg,
    /// Portable Document Format, one page.
    Pdf,
    /// A PNG image (rendered with the GPU or a software renderer).
    Png,
}

impl Format {
    /// Every format, as the file dialogs offer them.
    pub const ALL: [Format; 3] = [Format::Svg, Format::Pdf, Format::Png];

    /// The file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Svg => "svg",
            Format::Pdf => "pdf",
            Format::Png => "png",
        }
    }

    /// The format a file name's extension names, if any.
    pub fn of_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        Self::ALL.into_iter().find(|f| f.extension() == ext)
    }

    /// The format named `name` (svg, pdf or png, any case).
    pub fn parse(name: &str) -> Result<Format, String> {
        let lower = name.trim().to_ascii_lowercase();
        Self::ALL
            .into_iter()
            .find(|f| f.extension() == lower)
            .ok_or_else(|| format!("unknown format '{name}': use svg, pdf or png"))
    }
}

/// A sheet of paper.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Paper {
    /// ISO A4, 210 × 297 mm.
    A4,
    /// ISO A3, 297 × 420 mm.
    A3,
    /// US Letter, 8.5 × 11 inches.
    Letter,
}

impl Paper {
    /// Short side and long side, millimetres.
    fn millimetres(self) -> [f32; 2] {
        match self {
            Paper::A4 => [210.0, 297.0],
            Paper::A3 => [297.0, 420.0],
            Paper::Letter => [215.9, 279.4],
        }
    }
}

/// The size of an exported map or plot: a sheet of paper or an image in pixels.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PageSize {
    /// On paper, portrait or landscape.
    Paper {
        /// Which sheet.
        paper: Paper,
        /// Long side across.
        landscape: bool,
    },
    /// In pixels (a PDF page of that many 1/96 inches).
    Pixels([u32; 2]),
}

/// The points (egui's units) a page is drawn in for each PDF point on paper:
/// two, so that type set at an A4 page's 11 pt is laid out at 22 points.
const POINTS_PER_PAPER_POINT: f32 = 2.0;

/// Millimetres in a PDF point (1/72 inch).
const MM_PER_POINT: f32 = 25.4 / 72.0;

/// The smallest and largest side of a size in pixels.
pub const PIXEL_RANGE: std::ops::RangeInclusive<u32> = 200..=8000;

impl PageSize {
    /// Reads `a4`, `a3-landscape`, `letter-portrait` … (portrait unless said)
    /// or `WIDTHxHEIGHT` in pixels, each 200 to 8000.
    pub fn parse(text: &str) -> Result<PageSize, String> {
        let lower = text.trim().to_ascii_lowercase();
        let (name, orientation) = lower
            .split_once('-')
            .unwrap_or((lower.as_str(), "portrait"));
        let paper = match name {
            "a4" => Some(Paper::A4),
            "a3" => Some(Paper::A3),
            "letter" => Some(Paper::Letter),
            _ => None,
        };
        if let Some(paper) = paper {
            let landscape = match orientation {
                "landscape" => true,
                "portrait" => false,
                other => {
                    return Err(format!(
                        "unknown orientation '{other}' in '{text}': use portrait or landscape"
                    ));
                }
            };
            return Ok(PageSize::Paper { paper, landscape });
        }
        let bad = || {
            format!(
                "unknown size '{text}': use a4, a3 or letter (add -landscape or -portrait), \
                 or WIDTHxHEIGHT in pixels, e.g. 1600x900"
            )
        };
        let (w, h) = lower.split_once(['x', '×']).ok_or_else(bad)?;
        let side = |v: &str| -> Result<u32, String> {
            let n: u32 = v.trim().parse().map_err(|_| bad())?;
            if PIXEL_RANGE.contains(&n) {
                Ok(n)
            } else {
                Err(format!("{n} px is outside 200 to 8000"))
            }
        };
        Ok(PageSize::Pixels([side(w)?, side(h)?]))
    }

    /// Width and height of the paper in PDF points.
    pub fn paper_points(self) -> [f32; 2] {
        match self {
            PageSize::Paper { paper, landscape } => {
                let [short, long] = paper.millimetres().map(|mm| mm / MM_PER_POINT);
                if landscape {
                    [long, short]
                } else {
                    [short, long]
                }
            }
            PageSize::Pixels([w, h]) => [w as f32 * 0.75, h as f32 * 0.75],
        }
    }

    /// Width and height the page is drawn at, in egui's points (pixels for
    /// a PNG).
    pub fn canvas(self) -> Vec2 {
        match self {
            PageSize::Paper { .. } => {
                let [w, h] = self.paper_points();
                vec2(
                    (w * POINTS_PER_PAPER_POINT).round(),
                    (h * POINTS_PER_PAPER_POINT).round(),
                )
            }
            PageSize::Pixels([w, h]) => vec2(w as f32, h as f32),
        }
    }

    /// How the SVG gives its size.
    fn extent(self) -> Extent {
        match self {
            PageSize::Paper { .. } => {
                Extent::Millimetres(self.paper_points().map(|p| p * MM_PER_POINT))
            }
            PageSize::Pixels(_) => Extent::Pixels,
        }
    }
}

/// Draws pages into an egui context of its own, on the CPU, and takes what
/// they paint as vector [`Page`]s.
pub struct PrintRenderer {
    ctx: egui::Context,
    markdown: CommonMarkCache,
    textures: HashMap<TextureId, Arc<ColorImage>>,
}

impl Default for PrintRenderer {
    fn default() -> Self {
        Self::new()
    }
}

impl PrintRenderer {
    /// A context with DejaVu Sans first in every family, the map's base as
    /// lines and no kept tessellation (so every shape arrives as itself).
    pub fn new() -> Self {
        let ctx = egui::Context::default();
        theme::install_fonts(&ctx);
        theme::install_print_fonts(&ctx);
        crate::kit::retained::set_enabled(&ctx, false);
        crate::map::set_vector_output(&ctx, true);
        Self {
            ctx,
            markdown: CommonMarkCache::default(),
            textures: HashMap::new(),
        }
    }

    /// Serves the images in the notes from `store`.
    pub fn install_images(&self, store: Arc<NoteImages>) {
        NoteImages::install(&self.ctx, store);
    }

    /// The page `draw` paints over a canvas of `size` points: drawn twice
    /// (the first pass loads fonts and measures, the second draws settled).
    pub fn page(
        &mut self,
        size: Vec2,
        mut draw: impl FnMut(&mut Ui, Rect, &mut CommonMarkCache),
    ) -> Page {
        let screen = Rect::from_min_size(Pos2::ZERO, size);
        let input = super::export::screen_input(screen);
        let mut shapes = Vec::new();
        for _ in 0..2 {
            let markdown = &mut self.markdown;
            let output = self
                .ctx
                .run_ui(input.clone(), |ui| draw(ui, screen, markdown));
            self.keep_textures(output.textures_delta);
            shapes = output.shapes;
        }
        let source = Source {
            height_per_size: self.height_per_size(),
            textures: &self.textures,
        };
        Page::from_shapes(size, shapes, &source)
    }

    /// Keeps the pictures egui set for its textures (not the font atlas).
    fn keep_textures(&mut self, mut delta: egui::TexturesDelta) {
        for (id, images) in delta.set.drain() {
            for image in images {
                if id == TextureId::default() || image.pos.is_some() {
                    continue;
                }
                let egui::ImageData::Color(pixels) = image.image;
                self.textures.insert(id, pixels);
            }
        }
        for id in delta.free.drain() {
            self.textures.remove(&id);
        }
    }

    /// egui's line height of DejaVu Sans at size 1.
    fn height_per_size(&self) -> f32 {
        let galley = self.ctx.fonts_mut(|f| {
            f.layout_no_wrap("0".to_owned(), FontId::proportional(100.0), Color32::BLACK)
        });
        galley
            .rows
            .first()
            .and_then(|r| r.row.glyphs.first())
            .map_or(1.164, |g| g.font_height / 100.0)
    }

    /// `slide` as a page of the export size (1920 × 1080).
    pub fn slide(&mut self, scenario: &Scenario, figures: Figures<'_>, slide: &Slide) -> Page {
        let [w, h] = theme::EXPORT_SIZE;
        self.page(vec2(w as f32, h as f32), |ui, screen, markdown| {
            draw_slide(ui, screen, scenario, figures, slide, markdown, "print");
        })
    }
}

/// Which parts a deck's PDF holds besides its slides.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DeckParts {
    /// A notes page for each slide (the slide above, its notes below).
    pub notes: bool,
    /// A handout: three slides a page, each with its notes beside it.
    pub handout: bool,
}

/// Slides on a handout page.
pub const HANDOUT_SLIDES_PER_PAGE: usize = 3;

/// A slide's page in a deck's PDF: 13.33 × 7.5 inches (16:9, as slide
/// software makes them).
const SLIDE_PAPER: [f32; 2] = [960.0, 540.0];

/// Writes the deck of `scenario` (its own slides or the generated deck) as
/// one PDF at `path`: a 16:9 page for each slide, then the notes pages and
/// the handout if asked for; returns the number of pages. `progress` hears
/// (pages drawn, pages in all) before the first and after each.
pub fn export_slides_pdf(
    scenario: &Scenario,
    path: &Path,
    note_images: Arc<NoteImages>,
    parts: DeckParts,
    progress: &dyn Fn(usize, usize),
) -> Result<usize, String> {
    let slides = super::deck(scenario);
    let assessment = crate::model::assess(scenario);
    let figures = Figures {
        assessment: Some(&assessment),
        trade_off: &[],
    };
    let mut renderer = PrintRenderer::new();
    renderer.install_images(note_images);
    let handout_pages = slides.len().div_ceil(HANDOUT_SLIDES_PER_PAGE);
    let total = slides.len() * (1 + usize::from(parts.notes))
        + if parts.handout { handout_pages } else { 0 };
    progress(0, total);
    let mut pages: Vec<(Page, [f32; 2], Option<String>)> = Vec::with_capacity(total);
    for (i, slide) in slides.iter().enumerate() {
        let page = renderer.slide(scenario, figures, slide);
        pages.push((
            page,
            SLIDE_PAPER,
            Some(format!("{}. {}", i + 1, slide.title)),
        ));
        progress(pages.len(), total);
    }
    if parts.notes {
        for i in 0..slides.len() {
            let page = notes_page(&mut renderer, scenario, figures, &slides, i);
            let bookmark = (i == 0).then(|| "Notes pages".to_owned());
            pages.push((page, NOTES_PAPER.paper_points(), bookmark));
            progress(pages.len(), total);
        }
    }
    if parts.handout {
        for first in (0..slides.len()).step_by(HANDOUT_SLIDES_PER_PAGE) {
            let page = handout_page(&mut renderer, scenario, figures, &slides, first);
            let bookmark = (first == 0).then(|| "Handout".to_owned());
            pages.push((page, NOTES_PAPER.paper_points(), bookmark));
            progress(pages.len(), total);
        }
    }
    let list: Vec<PdfPage<'_>> = pages
        .iter()
        .map(|(page, paper, bookmark)| PdfPage {
            page,
            paper: *paper,
            bookmark: bookmark.clone(),
        })
        .collect();
    let bytes = pdf::write(&list, &info(scenario))?;
    crate::scenario::write_export(path, &bytes).map_err(|e| e.to_string())?;
    Ok(list.len())
}

fn info(scenario: &Scenario) -> Info {
    Info {
        title: scenario.meta.title.clone(),
        author: scenario.meta.author.clone(),
    }
}

/// Notes pages and handouts are A4 portrait.
const NOTES_PAPER: PageSize = PageSize::Paper {
    paper: Paper::A4,
    landscape: false,
};

/// The page margin of notes pages and handouts, egui points (15 mm).
const NOTES_MARGIN: f32 = 15.0 / MM_PER_POINT * POINTS_PER_PAPER_POINT;

/// Body text on notes pages and handouts, egui points (10.5 pt on paper).
const NOTES_TEXT: f32 = 10.5 * POINTS_PER_PAPER_POINT;

/// A notes page: the slide across the top, its number and title, its
/// speaker notes below, the scenario and page number at the foot.
fn notes_page(
    renderer: &mut PrintRenderer,
    scenario: &Scenario,
    figures: Figures<'_>,
    slides: &[Slide],
    index: usize,
) -> Page {
    let slide = &slides[index];
    renderer.page(NOTES_PAPER.canvas(), |ui, screen, markdown| {
        paper_background(ui, screen);
        let body = paper_frame(
            ui,
            screen,
            scenario,
            &format!("Slide {} of {}", index + 1, slides.len()),
        );
        let slide_rect =
            Rect::from_min_size(body.min, vec2(body.width(), body.width() * 9.0 / 16.0));
        draw_slide(ui, slide_rect, scenario, figures, slide, markdown, "notes");
        frame_slide(ui, slide_rect);
        let notes = Rect::from_min_max(
            Pos2::new(body.left(), slide_rect.bottom() + NOTES_TEXT * 1.5),
            body.max,
        );
        notes_text(ui, notes, slide, markdown, "notes page");
    })
}

/// A handout page: up to three slides down the left, each with its notes
/// on the right (or lines to write on where it has none).
fn handout_page(
    renderer: &mut PrintRenderer,
    scenario: &Scenario,
    figures: Figures<'_>,
    slides: &[Slide],
    first: usize,
) -> Page {
    let pages = slides.len().div_ceil(HANDOUT_SLIDES_PER_PAGE);
    let page_number = first / HANDOUT_SLIDES_PER_PAGE + 1;
    renderer.page(NOTES_PAPER.canvas(), |ui, screen, markdown| {
        paper_background(ui, screen);
        let body = paper_frame(
            ui,
            screen,
            scenario,
            &format!("Handout, page {page_number} of {pages}"),
        );
        let row_height = body.height() / HANDOUT_SLIDES_PER_PAGE as f32;
        let gap = NOTES_TEXT;
        let slide_width = body.width() * 0.5;
        for (k, slide) in slides
            .iter()
            .enumerate()
            .skip(first)
            .take(HANDOUT_SLIDES_PER_PAGE)
        {
            let top = body.top() + (k - first) as f32 * row_height;
            let slide_rect = Rect::from_min_size(
                Pos2::new(body.left(), top),
                vec2(slide_width, slide_width * 9.0 / 16.0),
            );
            draw_slide(
                ui,
                slide_rect,
                scenario,
                figures,
                slide,
                markdown,
                &format!("handout {k}"),
            );
            frame_slide(ui, slide_rect);
            let notes = Rect::from_min_max(
                Pos2::new(slide_rect.right() + gap, top),
                Pos2::new(body.right(), top + row_height - gap),
            );
            if slide.notes.trim().is_empty() {
                writing_lines(ui, notes);
            } else {
                notes_text(ui, notes, slide, markdown, &format!("handout notes {k}"));
            }
        }
    })
}

fn paper_background(ui: &Ui, screen: Rect) {
    ui.painter().rect_filled(screen, 0.0, theme::PROJECTOR_BG);
}

/// The marking (if any) at top and bottom, the scenario's title and `label`
/// at the foot; returns the area left for the page's body.
fn paper_frame(ui: &Ui, screen: Rect, scenario: &Scenario, label: &str) -> Rect {
    let painter = ui.painter();
    let mut inner = screen.shrink(NOTES_MARGIN);
    let marking = scenario.meta.marking.trim();
    if !marking.is_empty() {
        let height = NOTES_TEXT * 1.6;
        for band in [
            Rect::from_min_max(screen.min, Pos2::new(screen.right(), screen.top() + height)),
            Rect::from_min_max(
                Pos2::new(screen.left(), screen.bottom() - height),
                screen.max,
            ),
        ] {
            painter.rect_filled(band, 0.0, theme::PROJECTOR_TEXT);
            painter.text(
                band.center(),
                egui::Align2::CENTER_CENTER,
                marking,
                theme::slide_font(NOTES_TEXT * 0.9),
                theme::PROJECTOR_BG,
            );
        }
        inner = inner.shrink2(vec2(0.0, height));
    }
    let foot_font = theme::slide_font(NOTES_TEXT * 0.85);
    painter.text(
        inner.left_bottom(),
        egui::Align2::LEFT_BOTTOM,
        &scenario.meta.title,
        foot_font.clone(),
        theme::PROJECTOR_MUTED,
    );
    painter.text(
        inner.right_bottom(),
        egui::Align2::RIGHT_BOTTOM,
        label,
        foot_font,
        theme::PROJECTOR_MUTED,
    );
    inner.with_max_y(inner.bottom() - NOTES_TEXT * 2.0)
}

/// A thin frame round a slide drawn on paper.
fn frame_slide(ui: &Ui, rect: Rect) {
    ui.painter().rect_stroke(
        rect,
        0.0,
        egui::Stroke::new(1.0, theme::PROJECTOR_MUTED),
        egui::StrokeKind::Outside,
    );
}

/// The slide's speaker notes as formatted text in `rect` (cut off at its
/// foot), or "No notes." in grey.
fn notes_text(ui: &mut Ui, rect: Rect, slide: &Slide, markdown: &mut CommonMarkCache, salt: &str) {
    let mut child = ui.new_child(
        UiBuilder::new()
            .max_rect(rect)
            .id_salt(salt)
            .style(notes_style()),
    );
    child.set_clip_rect(rect);
    let notes = slide.notes.trim();
    if notes.is_empty() {
        child.label(egui::RichText::new("No notes.").color(theme::PROJECTOR_MUTED));
        return;
    }
    let text = crate::kit::markdown::prepare(notes, NoteImages::existing(child.ctx()).as_deref());
    CommonMarkViewer::new().show(&mut child, markdown, &text);
}

/// Lines to write notes on.
fn writing_lines(ui: &Ui, rect: Rect) {
    let step = NOTES_TEXT * 2.0;
    let mut y = rect.top() + step;
    while y < rect.bottom() {
        ui.painter().line_segment(
            [Pos2::new(rect.left(), y), Pos2::new(rect.right(), y)],
            egui::Stroke::new(1.0, theme::PROJECTOR_PANEL),
        );
        y += step;
    }
}

/// The projector style with body text at [`NOTES_TEXT`].
fn notes_style() -> egui::Style {
    let body = egui::TextStyle::Body.resolve(&egui::Style::default()).size;
    theme::projector_style(NOTES_TEXT / body / theme::SLIDE_TEXT_SCALE)
}

/// The ink of a map drawn on a canvas of `size`: as in the workspace up to
/// about 900 points on the short side, larger beyond (up to 4×).
pub fn map_ink(size: Vec2) -> f32 {
    (size.min_elem() / 900.0).clamp(1.0, 4.0)
}

/// Writes the scenario's map view (its centre, zoom and layers) at `path`
/// as `format` at `size`, with the marking, title box, legend, scale bar,
/// north arrow and sources line; says where it went.
pub fn export_map(
    scenario: &Scenario,
    (format, size, style): (Format, PageSize, Style),
    path: &Path,
) -> Result<String, String> {
    let canvas = size.canvas();
    let ink = map_ink(canvas);
    let mut state = crate::map::MapState::default();
    state.set_figures(Some(&crate::model::assess(scenario)));
    let draw = |ui: &mut Ui, _: Rect, _: &mut CommonMarkCache| {
        state.show_printed(ui, scenario, ink);
    };
    write_drawing(scenario, "the map", (format, size, style), path, draw)
}

/// Writes `plot` of the scenario's assessment at `path` as `format` at
/// `size`: light background, the plot's name as title, the scenario and
/// the source of its figures below; says where it went.
pub fn export_plot(
    scenario: &Scenario,
    figures: Figures<'_>,
    plot: PlotKind,
    (format, size, style): (Format, PageSize, Style),
    path: &Path,
) -> Result<String, String> {
    let draw = |ui: &mut Ui, screen: Rect, markdown: &mut CommonMarkCache| {
        draw_figure(ui, screen, scenario, figures, plot, markdown);
    };
    write_drawing(scenario, plot.label(), (format, size, style), path, draw)
}

/// How a map or a figure is coloured.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Style {
    /// As on screen.
    #[default]
    Colour,
    /// Greys for a black-and-white printer (see [`crate::map::print_grey`]).
    Monochrome,
}

/// Draws `draw` at `size` and writes it at `path` as `format`.
fn write_drawing(
    scenario: &Scenario,
    what: &str,
    (format, size, style): (Format, PageSize, Style),
    path: &Path,
    mut draw: impl FnMut(&mut Ui, Rect, &mut CommonMarkCache),
) -> Result<String, String> {
    let canvas = size.canvas();
    let mono = style == Style::Monochrome;
    let bytes = match format {
        Format::Png => {
            let mut renderer = super::export::SlideRenderer::new()?;
            let pixels = [canvas.x as u32, canvas.y as u32];
            let mut image = renderer.render_drawing(pixels, &mut draw)?;
            if mono {
                for p in image.pixels_mut() {
                    let [r, g, b, a] = p.0;
                    let grey = crate::map::print_grey(Color32::from_rgba_unmultiplied(r, g, b, a));
                    p.0 = grey.to_srgba_unmultiplied();
                }
            }
            super::export::png(&image)?
        }
        Format::Svg | Format::Pdf => {
            let mut page = PrintRenderer::new().page(canvas, draw);
            if mono {
                page.recolour(crate::map::print_grey);
            }
            let title = format!("{} — {what}", scenario.meta.title);
            if format == Format::Svg {
                svg::write(&page, &title, size.extent()).into_bytes()
            } else {
                let pages = [PdfPage {
                    page: &page,
                    paper: size.paper_points(),
                    bookmark: None,
                }];
                pdf::write(
                    &pages,
                    &Info {
                        title,
                        ..info(scenario)
                    },
                )?
            }
        }
    };
    crate::scenario::write_export(path, &bytes).map_err(|e| e.to_string())?;
    Ok(format!(
        "Exported {what} as {} ({}{}) to {}",
        format.extension().to_ascii_uppercase(),
        size_label(size),
        if mono { ", monochrome" } else { "" },
        path.display()
    ))
}

/// A size as a user reads it: "A4 landscape" or "1600 × 900 px".
pub fn size_label(size: PageSize) -> String {
    match size {
        PageSize::Paper { paper, landscape } => format!(
            "{paper:?} {}",
            if landscape { "landscape" } else { "portrait" }
        ),
        PageSize::Pixels([w, h]) => format!("{w} × {h} px"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_as_paper_or_pixels_and_bad_ones_say_why() {
        let a3 = PageSize::parse("A3-landscape").expect("a size");
        let [w, h] = a3.paper_points();
        assert!(
            (w - 1190.55).abs() < 0.1 && (h - 841.89).abs() < 0.1,
            "{w} × {h}"
        );
        assert_eq!(
            PageSize::parse("letter").expect("a size").paper_points(),
            [612.0, 792.0]
        );
        assert_eq!(
            PageSize::parse("1600x900"),
            Ok(PageSize::Pixels([1600, 900]))
        );
        assert_eq!(
            PageSize::parse("1600x900").expect("a size").canvas(),
            vec2(1600.0, 900.0)
        );
        let err = PageSize::parse("a4-sideways").expect_err("not an orientation");
        assert!(err.contains("sideways"), "{err}");
        let err = PageSize::parse("90x900").expect_err("too small");
        assert!(err.contains("90 px is outside 200 to 8000"), "{err}");
        assert!(PageSize::parse("b5").is_err());
    }

    #[test]
    fn a_format_comes_from_its_name_or_the_file_extension() {
        assert_eq!(Format::parse("SVG"), Ok(Format::Svg));
        assert!(
            Format::parse("gif")
                .expect_err("not one")
                .contains("svg, pdf or png")
        );
        assert_eq!(Format::of_path(Path::new("map.PDF")), Some(Format::Pdf));
        assert_eq!(Format::of_path(Path::new("map")), None);
    }
}
