//! Export of a deck without a window: every slide rendered offscreen to a
//! 1920×1080 PNG with egui-wgpu (as egui_kittest renders its snapshots: a
//! headless wgpu device, a texture as the render target, read back to memory),
//! and a Markdown handout with the images, titles and notes.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use eframe::egui_wgpu::{self, wgpu};
use egui::{Pos2, RawInput, Rect, ViewportId, vec2};
use image::RgbaImage;

use super::hidden::{CopiedFill, copied_fills, without_hidden};
use super::slide::draw_slide;
use crate::kit::choices::Choice;
use crate::kit::markdown::images_as_text;
use crate::kit::note_images::{self, NoteImages};
use crate::kit::theme;
use crate::scenario::{PlotKind, Scenario, Slide};

/// Longest wait for the GPU (or the software renderer) to finish a slide.
const WAIT: Duration = Duration::from_secs(30);

/// Writes `slide-NN.png` for every slide of the scenario's deck (its own slides
/// or the generated default deck) and `handout.md` into `dir`, creating it;
/// returns the number of slides. When no GPU or software renderer can be
/// started, the handout is still written (without images) and the error says so.
/// Images in the notes are drawn from `note_images` (those the user loaded);
/// the others are placeholders naming their address, and the handout names
/// every image's address rather than linking it.
/// `progress` hears (slides written, slides in all) before the first and
/// after each.
pub fn export_slides(
    scenario: &Scenario,
    dir: &Path,
    note_images: Arc<NoteImages>,
    progress: &dyn Fn(usize, usize),
) -> Result<usize, String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("Could not create {}: {e}", dir.display()))?;
    let slides = super::deck(scenario);
    let assessment = crate::model::assess(scenario);
    let images = match SlideRenderer::new() {
        Ok(mut renderer) => {
            NoteImages::install(&renderer.ctx, note_images);
            let mut names = Vec::new();
            progress(0, slides.len());
            for (i, slide) in slides.iter().enumerate() {
                let image =
                    renderer.render(scenario, Some(&assessment), slide, theme::EXPORT_SIZE)?;
                let name = image_name(i);
                let path = dir.join(&name);
                crate::scenario::write_export(&path, &png(&image)?).map_err(|e| e.to_string())?;
                names.push(name);
                progress(i + 1, slides.len());
            }
            Ok(names)
        }
        Err(e) => Err(e),
    };
    let handout = handout(scenario, &slides, images.as_ref().ok().map(Vec::as_slice));
    let handout_path = dir.join("handout.md");
    crate::scenario::write_export(&handout_path, handout.as_bytes()).map_err(|e| e.to_string())?;
    match images {
        Ok(_) => Ok(slides.len()),
        Err(e) => Err(format!(
            "Could not render the slides offscreen ({e}). {} was written without images.",
            handout_path.display()
        )),
    }
}

/// The sizes a plot can be exported at, pixels: name and size.
pub const FIGURE_SIZES: &[(&str, [u32; 2])] = &[
    ("1600 × 900 (screen, slide)", [1600, 900]),
    ("1200 × 800 (report column)", [1200, 800]),
    ("2400 × 1500 (print)", [2400, 1500]),
    ("3200 × 1800 (poster)", [3200, 1800]),
];

/// Writes `plot` of the scenario's assessment (in `figures`, with every open
/// scenario's point for the trade-off plot) as a PNG figure of `size` pixels
/// at `path`: light background, the plot's name as title, the scenario and
/// the source of the figures in a line below. Says where it went.
pub fn export_plot(
    scenario: &Scenario,
    figures: super::slide::Figures<'_>,
    plot: PlotKind,
    size: [u32; 2],
    path: &Path,
) -> Result<String, String> {
    let mut renderer = SlideRenderer::new()?;
    let image = renderer.render_figure(scenario, figures, plot, size)?;
    crate::scenario::write_export(path, &png(&image)?).map_err(|e| e.to_string())?;
    Ok(format!(
        "Exported {} ({} × {} px) to {}",
        plot.label(),
        size[0],
        size[1],
        path.display()
    ))
}

/// `image` encoded as PNG.
pub(super) fn png(image: &RgbaImage) -> Result<Vec<u8>, String> {
    let mut bytes = std::io::Cursor::new(Vec::new());
    image
        .write_to(&mut bytes, image::ImageFormat::Png)
        .map_err(|e| format!("Could not encode a slide as PNG: {e}"))?;
    Ok(bytes.into_inner())
}

/// File name of the image of slide `index` (0-based).
pub fn image_name(index: usize) -> String {
    format!("slide-{:02}.png", index + 1)
}

/// The Markdown handout: title, then each slide's title, image and notes.
pub fn handout(scenario: &Scenario, slides: &[Slide], images: Option<&[String]>) -> String {
    let mut md = String::new();
    let meta = &scenario.meta;
    let _ = writeln!(md, "# {}\n", meta.title);
    let byline: Vec<&str> = [meta.author.as_str(), meta.date.as_str()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect();
    if !byline.is_empty() {
        let _ = writeln!(md, "*{}*\n", byline.join(" · "));
    }
    for (i, slide) in slides.iter().enumerate() {
        let _ = writeln!(md, "## {}. {}\n", i + 1, slide.title);
        if let Some(name) = images.and_then(|names| names.get(i)) {
            let _ = writeln!(md, "![Slide {}: {}]({name})\n", i + 1, slide.title);
        }
        if let crate::scenario::SlideContent::Text { markdown } = &slide.content
            && images.is_none()
        {
            let _ = writeln!(md, "{}\n", images_as_text(markdown.trim()));
        }
        if !slide.notes.trim().is_empty() {
            let _ = writeln!(md, "{}\n", images_as_text(slide.notes.trim()));
        }
    }
    md
}

/// The largest side of an image loaded for an export: slides are 1920 × 1080.
pub const EXPORT_IMAGE_SIDE: usize = 4096;

/// Loads every local image in the deck's text slides and notes and the
/// scenario's notes (relative addresses from `folder`) into a store for
/// [`export_slides`], within the limits of [`note_images`]; returns it and,
/// for each image not loaded, a message naming its address and why.
pub fn load_deck_images(
    scenario: &Scenario,
    folder: Option<&Path>,
) -> (Arc<NoteImages>, Vec<String>) {
    let store = Arc::new(NoteImages::default());
    let mut problems = Vec::new();
    let mut texts = vec![scenario.meta.notes.as_str()];
    let slides = super::deck(scenario);
    for slide in &slides {
        texts.push(&slide.notes);
        if let crate::scenario::SlideContent::Text { markdown } = &slide.content {
            texts.push(markdown);
        }
    }
    let addresses = texts
        .iter()
        .flat_map(|t| crate::kit::markdown::image_addresses(t));
    for address in addresses {
        if store.served_as(&address).is_some() {
            continue;
        }
        let shown = crate::scenario::validate::plain_text(&address);
        match note_images::source(&address, folder) {
            note_images::Source::File(path) => match note_images::load(&path, EXPORT_IMAGE_SIDE) {
                Ok(image) => store.insert(&address, image),
                Err(e) => problems.push(format!(
                    "image '{shown}' not loaded: {}",
                    crate::scenario::validate::plain_text(&e)
                )),
            },
            note_images::Source::Web(_) => problems.push(format!(
                "image '{shown}' not loaded: Bulwark does not fetch images from the web"
            )),
            note_images::Source::Embedded => {
                problems.push("an image written into the notes is not shown".to_string())
            }
            note_images::Source::Unusable(why) => {
                problems.push(format!("image '{shown}' not loaded: {why}"))
            }
        }
    }
    (store, problems)
}

/// Draws slides with egui into an offscreen wgpu texture and reads them back.
pub struct SlideRenderer {
    render_state: egui_wgpu::RenderState,
    ctx: egui::Context,
    markdown: egui_commonmark::CommonMarkCache,
    /// Whether hidden shapes are skipped and big plain fills copied (see
    /// [`super::hidden`]); on unless turned off to compare the pictures.
    culling: bool,
}

impl SlideRenderer {
    /// Starts a headless wgpu device (any adapter, software renderers included).
    pub fn new() -> Result<Self, String> {
        let setup = egui_wgpu::WgpuSetup::without_display_handle();
        let instance = pollster::block_on(setup.new_instance());
        let render_state = pollster::block_on(egui_wgpu::RenderState::create(
            &egui_wgpu::WgpuConfiguration {
                wgpu_setup: setup,
                ..Default::default()
            },
            &instance,
            None,
            egui_wgpu::RendererOptions::default(),
        ))
        .map_err(|e| format!("no graphics adapter: {e}"))?;
        let ctx = egui::Context::default();
        theme::install_fonts(&ctx);
        Ok(Self {
            render_state,
            ctx,
            markdown: Default::default(),
            culling: true,
        })
    }

    /// The same renderer drawing every shape as egui gave it (no culling, no
    /// copied fills): the reference the faster path is checked against.
    pub fn without_culling(mut self) -> Self {
        self.culling = false;
        self
    }

    /// Renders `slide` at `size` pixels, with the figures of `assessment`.
    pub fn render(
        &mut self,
        scenario: &Scenario,
        assessment: Option<&crate::model::Assessment>,
        slide: &Slide,
        size: [u32; 2],
    ) -> Result<RgbaImage, String> {
        self.render_with(size, |ui, screen, markdown| {
            draw_slide(
                ui,
                screen,
                scenario,
                super::slide::Figures {
                    assessment,
                    trade_off: &[],
                },
                slide,
                markdown,
                "export",
            );
        })
    }

    /// Renders `plot` as a figure for a report at `size` pixels: the plot's
    /// name as its title, the plot, and a line naming the scenario and the
    /// source of its figures (see [`super::slide::draw_figure`]).
    pub fn render_figure(
        &mut self,
        scenario: &Scenario,
        figures: super::slide::Figures<'_>,
        plot: PlotKind,
        size: [u32; 2],
    ) -> Result<RgbaImage, String> {
        self.render_with(size, |ui, screen, markdown| {
            super::slide::draw_figure(ui, screen, scenario, figures, plot, markdown);
        })
    }

    /// Renders whatever `draw` paints over a screen of `size` pixels.
    pub fn render_drawing(
        &mut self,
        size: [u32; 2],
        draw: &mut dyn FnMut(&mut egui::Ui, Rect, &mut egui_commonmark::CommonMarkCache),
    ) -> Result<RgbaImage, String> {
        self.render_with(size, draw)
    }

    /// Runs `draw` over a screen of `size` pixels, twice (the first pass
    /// loads fonts and measures, the second draws settled), and paints it.
    fn render_with(
        &mut self,
        size: [u32; 2],
        mut draw: impl FnMut(&mut egui::Ui, Rect, &mut egui_commonmark::CommonMarkCache),
    ) -> Result<RgbaImage, String> {
        let screen = Rect::from_min_size(Pos2::ZERO, vec2(size[0] as f32, size[1] as f32));
        let input = screen_input(screen);
        let mut output = None;
        for _ in 0..2 {
            let markdown = &mut self.markdown;
            let mut out = self
                .ctx
                .run_ui(input.clone(), |ui| draw(ui, screen, markdown));
            self.set_textures(&mut out.textures_delta);
            output = Some(out);
        }
        let Some(mut output) = output else {
            return Err("nothing was drawn".into());
        };
        let image = self.paint(&output, size);
        self.free_textures(&mut output.textures_delta);
        image
    }

    fn set_textures(&mut self, delta: &mut egui::TexturesDelta) {
        let mut renderer = self.render_state.renderer.write();
        for (id, images) in delta.set.drain() {
            for image in images {
                renderer.update_texture(
                    &self.render_state.device,
                    &self.render_state.queue,
                    id,
                    &image,
                );
            }
        }
    }

    fn free_textures(&mut self, delta: &mut egui::TexturesDelta) {
        let mut renderer = self.render_state.renderer.write();
        for id in delta.free.drain() {
            renderer.free_texture(&id);
        }
    }

    fn paint(&self, output: &egui::FullOutput, size: [u32; 2]) -> Result<RgbaImage, String> {
        let rs = &self.render_state;
        let mut renderer = rs.renderer.write();
        let mut encoder = rs
            .device
            .create_command_encoder(&wgpu::CommandEncoderDescriptor {
                label: Some("slide export"),
            });
        let screen = egui_wgpu::ScreenDescriptor {
            size_in_pixels: size,
            pixels_per_point: 1.0,
        };
        let (shapes, fills) = if self.culling {
            copied_fills(without_hidden(output.shapes.clone(), CLEAR), size)
        } else {
            (output.shapes.clone(), Vec::new())
        };
        let triangles = self.ctx.tessellate(shapes, 1.0);
        let user_buffers =
            renderer.update_buffers(&rs.device, &rs.queue, &mut encoder, &triangles, &screen);
        let texture = rs.device.create_texture(&wgpu::TextureDescriptor {
            label: Some("slide"),
            size: wgpu::Extent3d {
                width: size[0],
                height: size[1],
                depth_or_array_layers: 1,
            },
            mip_level_count: 1,
            sample_count: 1,
            dimension: wgpu::TextureDimension::D2,
            format: rs.target_format,
            usage: wgpu::TextureUsages::RENDER_ATTACHMENT
                | wgpu::TextureUsages::COPY_SRC
                | wgpu::TextureUsages::COPY_DST,
            view_formats: &[],
        });
        let view = texture.create_view(&wgpu::TextureViewDescriptor::default());
        clear_and_fill(rs, &texture, &view, &fills);
        {
            let mut pass = encoder
                .begin_render_pass(&wgpu::RenderPassDescriptor {
                    label: Some("slide pass"),
                    color_attachments: &[Some(wgpu::RenderPassColorAttachment {
                        view: &view,
                        resolve_target: None,
                        ops: wgpu::Operations {
                            load: wgpu::LoadOp::Load,
                            store: wgpu::StoreOp::Store,
                        },
                        depth_slice: None,
                    })],
                    ..Default::default()
                })
                .forget_lifetime();
            renderer.render(&mut pass, &triangles, &screen);
        }
        rs.queue.submit(
            user_buffers
                .into_iter()
                .chain(std::iter::once(encoder.finish())),
        );
        drop(renderer);
        read_back(&rs.device, &rs.queue, &texture, rs.target_format)
    }
}

/// The input of a frame over `screen` at one pixel a point, with nothing
/// pressed: how every offscreen page is drawn.
pub(super) fn screen_input(screen: Rect) -> RawInput {
    let mut input = RawInput {
        screen_rect: Some(screen),
        ..Default::default()
    };
    input
        .viewports
        .entry(ViewportId::ROOT)
        .or_default()
        .native_pixels_per_point = Some(1.0);
    input
}

/// What an offscreen page is cleared to before anything is drawn.
const CLEAR: egui::Color32 = egui::Color32::WHITE;

/// [`CLEAR`] as the GPU's clear colour.
fn clear_colour() -> wgpu::Color {
    let [r, g, b, a] = egui::Rgba::from(CLEAR).to_array();
    wgpu::Color {
        r: r.into(),
        g: g.into(),
        b: b.into(),
        a: a.into(),
    }
}

/// Clears `texture` to [`CLEAR`] and copies `fills` into it, in order.
fn clear_and_fill(
    rs: &egui_wgpu::RenderState,
    texture: &wgpu::Texture,
    view: &wgpu::TextureView,
    fills: &[CopiedFill],
) {
    let mut encoder = rs
        .device
        .create_command_encoder(&wgpu::CommandEncoderDescriptor {
            label: Some("slide clear"),
        });
    encoder.begin_render_pass(&wgpu::RenderPassDescriptor {
        label: Some("slide clear"),
        color_attachments: &[Some(wgpu::RenderPassColorAttachment {
            view,
            resolve_target: None,
            ops: wgpu::Operations {
                load: wgpu::LoadOp::Clear(clear_colour()),
                store: wgpu::StoreOp::Store,
            },
            depth_slice: None,
        })],
        ..Default::default()
    });
    rs.queue.submit(std::iter::once(encoder.finish()));
    let bgra = matches!(
        rs.target_format,
        wgpu::TextureFormat::Bgra8Unorm | wgpu::TextureFormat::Bgra8UnormSrgb
    );
    for fill in fills {
        let [r, g, b, a] = fill.colour.to_array();
        let pixel = if bgra { [b, g, r, a] } else { [r, g, b, a] };
        let data = pixel.repeat((fill.size[0] * fill.size[1]) as usize);
        rs.queue.write_texture(
            wgpu::TexelCopyTextureInfo {
                texture,
                mip_level: 0,
                origin: wgpu::Origin3d {
                    x: fill.min[0],
                    y: fill.min[1],
                    z: 0,
                },
                aspect: wgpu::TextureAspect::All,
            },
            &data,
            wgpu::TexelCopyBufferLayout {
                offset: 0,
                bytes_per_row: Some(fill.size[0] * 4),
                rows_per_image: None,
            },
            wgpu::Extent3d {
                width: fill.size[0],
                height: fill.size[1],
                depth_or_array_layers: 1,
            },
        );
    }
}

/// Copies a texture into memory as an RGBA image.
fn read_back(
    device: &wgpu::Device,
    queue: &wgpu::Queue,
    texture: &wgpu::Texture,
    format: wgpu::TextureFormat,
) -> Result<RgbaImage, String> {
    let (width, height) = (texture.width(), texture.height());
    let unpadded = width as usize * 4;
    let align = wgpu::COPY_BYTES_PER_ROW_ALIGNMENT as usize;
    let padded = unpadded.div_ceil(align) * align;
    let buffer = device.create_buffer(&wgpu::BufferDescriptor {
        label: Some("slide read-back"),
        size: (padded * height as usize) as u64,
        usage: wgpu::BufferUsages::MAP_READ | wgpu::BufferUsages::COPY_DST,
        mapped_at_creation: false,
    });
    let mut encoder = device.create_command_encoder(&wgpu::CommandEncoderDescriptor {
        label: Some("slide read-back"),
    });
    encoder.copy_texture_to_buffer(
        texture.as_image_copy(),
        wgpu::TexelCopyBufferInfo {
            buffer: &buffer,
            layout: wgpu::TexelCopyBufferLayout {
                offset: 0,
                bytes_per_row: Some(padded as u32),
                rows_per_image: None,
            },
        },
        wgpu::Extent3d {
            width,
            height,
            depth_or_array_layers: 1,
        },
    );
    let index = queue.submit(std::iter::once(encoder.finish()));
    let slice = buffer.slice(..);
    let (tx, rx) = std::sync::mpsc::channel();
    slice.map_async(wgpu::MapMode::Read, move |r| drop(tx.send(r)));
    device
        .poll(wgpu::PollType::Wait {
            submission_index: Some(index),
            timeout: Some(WAIT),
        })
        .map_err(|e| format!("the renderer did not finish: {e}"))?;
    rx.recv()
        .map_err(|e| format!("the read-back was lost: {e}"))?
        .map_err(|e| format!("could not read the image back: {e}"))?;
    let data = buffer
        .slice(..)
        .get_mapped_range()
        .map_err(|e| format!("could not read the image back: {e:?}"))?;
    let bgra = matches!(
        format,
        wgpu::TextureFormat::Bgra8Unorm | wgpu::TextureFormat::Bgra8UnormSrgb
    );
    let mut pixels = Vec::with_capacity(unpadded * height as usize);
    for row in data.chunks_exact(padded) {
        for px in row[..unpadded].chunks_exact(4) {
            if bgra {
                pixels.extend_from_slice(&[px[2], px[1], px[0], px[3]]);
            } else {
                pixels.extend_from_slice(px);
            }
        }
    }
    RgbaImage::from_raw(width, height, pixels).ok_or_else(|| "bad image size".to_owned())
}

/// The default export folder for a scenario file: `NAME-slides` beside it.
pub fn default_folder(file: &Path) -> PathBuf {
    let name = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let stem = name
        .strip_suffix(crate::scenario::EXTENSION)
        .or_else(|| name.strip_suffix(".json"))
        .unwrap_or(&name);
    file.with_file_name(format!("{stem}-slides"))
}
