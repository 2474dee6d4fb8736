//! Saving part of the window as a PNG image: the map image exports this way
//! (plots are rendered offscreen as figures, see `present::export`). egui is asked for a screenshot of the
//! frame being drawn; when it arrives the image is cropped to the region and
//! written on the renderer's thread, and the outcome comes back through a
//! channel for the status line.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, TryRecvError, channel};

use egui::{ColorImage, Context, Rect};

/// An export of one region of the window: requested, then captured, then done.
#[derive(Default)]
pub struct RegionExport {
    /// Where the next capture goes.
    requested: Option<PathBuf>,
    /// The outcome of a capture in flight.
    done: Option<Receiver<Result<String, String>>>,
}

impl RegionExport {
    /// Asks for the region to be saved at `path` the next time it is drawn.
    pub fn request(&mut self, path: PathBuf) {
        self.requested = Some(path);
    }

    /// Whether an export is requested and not yet captured.
    pub fn is_requested(&self) -> bool {
        self.requested.is_some()
    }

    /// When an export is requested, asks for a screenshot of this frame cropped
    /// to `rect` (in points); `what` names the region in messages ("the map").
    /// Returns the message for the status line.
    pub fn capture(&mut self, ctx: &Context, rect: Rect, what: &str) -> Option<String> {
        let path = self.requested.take()?;
        let (tx, rx) = channel();
        let ppp = ctx.pixels_per_point();
        let shown = path.display().to_string();
        let what_done = what.to_owned();
        ctx.request_screenshot(move |image| {
            let result = save_region(&image, rect, ppp, &path)
                .map(|()| format!("Exported {what_done} to {}", path.display()))
                .map_err(|e| format!("Could not export {what_done} to {}: {e}", path.display()));
            let _ = tx.send(result);
        });
        self.done = Some(rx);
        ctx.request_repaint();
        Some(format!("Exporting {what} to {shown}…"))
    }

    /// The outcome of a finished capture, once: `Ok` with the message for the
    /// status line, or `Err` saying why the file could not be written. Keeps the
    /// frames coming while a capture is in flight.
    pub fn poll(&mut self, ctx: &Context) -> Option<Result<String, String>> {
        let rx = self.done.as_ref()?;
        match rx.try_recv() {
            Ok(result) => {
                self.done = None;
                Some(result)
            }
            Err(TryRecvError::Empty) => {
                ctx.request_repaint_after(std::time::Duration::from_millis(50));
                None
            }
            Err(TryRecvError::Disconnected) => {
                self.done = None;
                Some(Err("The image export stopped unexpectedly.".to_owned()))
            }
        }
    }
}

/// Crops `image` (the whole window, in pixels) to `rect` (in points, at
/// `pixels_per_point`) and writes it as a PNG at `path` (atomically, never
/// through a link: see [`crate::scenario::write_export`]).
pub fn save_region(
    image: &ColorImage,
    rect: Rect,
    pixels_per_point: f32,
    path: &std::path::Path,
) -> Result<(), String> {
    let ppp = pixels_per_point.max(0.1);
    let [iw, ih] = image.size;
    let window = Rect::from_min_size(
        egui::Pos2::ZERO,
        egui::vec2(iw as f32 / ppp, ih as f32 / ppp),
    );
    let rect = rect.intersect(window);
    if !(rect.width() >= 1.0 && rect.height() >= 1.0) {
        return Err("the region is not on screen".to_owned());
    }
    let region = image.region(&rect, Some(ppp));
    let [w, h] = region.size;
    let bytes: Vec<u8> = region.pixels.iter().flat_map(|c| c.to_array()).collect();
    let img = image::RgbaImage::from_raw(w as u32, h as u32, bytes)
        .ok_or_else(|| "bad image size".to_owned())?;
    let mut png = std::io::Cursor::new(Vec::new());
    img.write_to(&mut png, image::ImageFormat::Png)
        .map_err(|e| e.to_string())?;
    crate::scenario::write_export(path, &png.into_inner()).map_err(|e| e.to_string())
}
