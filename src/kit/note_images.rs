//! Images in a scenario's notes, loaded only when the user asks for one.
//!
//! A note never reads a file or a web address by itself: each image shows as a
//! placeholder naming its address (see [`super::markdown::prepare`]). A local
//! image loads only after a click and a question that names it, and then only
//! from a regular file of at most [`MAX_FILE_BYTES`], whose header says at most
//! [`MAX_PIXELS`] pixels and [`MAX_SIDE`] a side, decoded with `image::Limits`
//! and scaled down to the texture limit of the graphics card. Web addresses are
//! never fetched (the placeholder opens them in the browser, after asking).
//!
//! Loaded images are kept in a [`NoteImages`] store on the egui context, which
//! also serves them to egui as an image loader under a private address.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use egui::load::{ImageLoadResult, ImageLoader, ImagePoll, LoadError, SizeHint};
use egui::{ColorImage, Context};

/// The largest image file read (16 MiB).
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;
/// The most pixels an image may have (40 megapixels: a 7,000 × 5,700 map).
pub const MAX_PIXELS: u64 = 40_000_000;
/// The longest side an image may have before it is scaled (pixels).
pub const MAX_SIDE: u32 = 20_000;
/// The most memory the decoder may take (bytes).
const MAX_DECODER_BYTES: u64 = 256 * 1024 * 1024;

/// The start of a placeholder's link: a click on it asks to load the image.
/// The address follows in hexadecimal (any character survives the Markdown).
pub const LOAD_LINK: &str = "bulwark-load-image:";
/// The start of the private address under which a loaded image is served.
const SERVED: &str = "bulwark-note-image://";

/// Where a note's image would come from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    /// A file on this computer.
    File(PathBuf),
    /// A web address: never fetched.
    Web(String),
    /// Data written into the document (`data:`), not shown.
    Embedded,
    /// An address that names no file Bulwark can read, and why.
    Unusable(String),
}

/// Where the image at `address` would come from; a relative address is taken
/// from `folder` (the scenario file's folder), when there is one.
pub fn source(address: &str, folder: Option<&Path>) -> Source {
    let lower = address.trim().to_ascii_lowercase();
    if lower.starts_with("http://") || lower.starts_with("https://") {
        return Source::Web(address.trim().to_string());
    }
    if lower.starts_with("data:") {
        return Source::Embedded;
    }
    if lower.starts_with("file:") {
        return match url::Url::parse(address.trim()).map(|u| u.to_file_path()) {
            Ok(Ok(path)) => Source::File(path),
            _ => Source::Unusable("it is not the address of a file on this computer".into()),
        };
    }
    if address.contains("://") {
        return Source::Unusable("Bulwark reads images only from files on this computer".into());
    }
    let path = Path::new(address.trim());
    if path.is_absolute() {
        return Source::File(path.to_path_buf());
    }
    match folder {
        Some(folder) => Source::File(folder.join(path)),
        None => Source::Unusable(
            "it is relative to the scenario's folder, and the scenario is not saved yet".into(),
        ),
    }
}

/// Reads and decodes the image file at `path` within the limits, scaled so
/// that no side exceeds `max_side` (the texture limit). The error names the
/// file and the problem.
pub fn load(path: &Path, max_side: usize) -> Result<ColorImage, String> {
    let name = path.display();
    let bytes = crate::scenario::read::read_capped(path, MAX_FILE_BYTES).map_err(|e| match e {
        crate::scenario::read::ReadRefusal::TooLarge { .. } => format!(
            "{name} is larger than {} MiB, the limit for an image in the notes.",
            MAX_FILE_BYTES / (1024 * 1024)
        ),
        other => format!("{name} {other}."),
    })?;
    decode(&bytes, max_side).map_err(|e| format!("{name}: {e}"))
}

/// Decodes `bytes` (PNG or JPEG) within the limits, scaled so that no side
/// exceeds `max_side`.
pub fn decode(bytes: &[u8], max_side: usize) -> Result<ColorImage, String> {
    let reader = || {
        image::ImageReader::new(std::io::Cursor::new(bytes))
            .with_guessed_format()
            .map_err(|e| format!("cannot be read as an image ({e})"))
    };
    let (width, height) = reader()?
        .into_dimensions()
        .map_err(|e| format!("is not a PNG or JPEG image Bulwark can read ({e})"))?;
    let pixels = u64::from(width) * u64::from(height);
    if pixels > MAX_PIXELS || width > MAX_SIDE || height > MAX_SIDE {
        return Err(format!(
            "is {} × {} pixels; images in the notes may have at most {} megapixels and {} pixels a side.",
            crate::kit::format::thousands(f64::from(width)),
            crate::kit::format::thousands(f64::from(height)),
            MAX_PIXELS / 1_000_000,
            crate::kit::format::thousands(f64::from(MAX_SIDE)),
        ));
    }
    let mut limits = image::Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(MAX_DECODER_BYTES);
    let mut decoder = reader()?;
    decoder.limits(limits);
    let image = decoder
        .decode()
        .map_err(|e| format!("could not be decoded ({e})"))?;
    let image = fit(image, max_side.max(1) as u32);
    let rgba = image.to_rgba8();
    let size = [rgba.width() as usize, rgba.height() as usize];
    Ok(ColorImage::from_rgba_unmultiplied(size, rgba.as_raw()))
}

/// `image` scaled down, keeping its shape, so that no side exceeds `max_side`.
fn fit(image: image::DynamicImage, max_side: u32) -> image::DynamicImage {
    if image.width() <= max_side && image.height() <= max_side {
        return image;
    }
    image.resize(max_side, max_side, image::imageops::FilterType::Triangle)
}

/// The link target of the placeholder of the image at `address`.
pub fn load_link(address: &str) -> String {
    format!("{LOAD_LINK}{}", hex::encode(address))
}

/// The address named by a placeholder's link, if `url` is one.
pub fn address_of_load_link(url: &str) -> Option<String> {
    let code = url.strip_prefix(LOAD_LINK)?;
    String::from_utf8(hex::decode(code).ok()?).ok()
}

/// The images the user has loaded into notes, by their address as written,
/// served to egui under private addresses.
#[derive(Default)]
pub struct NoteImages {
    images: Mutex<HashMap<String, Arc<ColorImage>>>,
}

impl NoteImages {
    /// The store of `ctx`, installed (with its image loader) on first use.
    pub fn of(ctx: &Context) -> Arc<NoteImages> {
        if let Some(store) = Self::existing(ctx) {
            return store;
        }
        let store = Arc::new(NoteImages::default());
        Self::install(ctx, store.clone());
        store
    }

    /// Makes `store` the store of `ctx` (a context with none yet), serving its
    /// images there: the slide export draws with the images loaded in the app.
    pub fn install(ctx: &Context, store: Arc<NoteImages>) {
        // egui_commonmark installs egui_extras' loaders when it first draws;
        // the one for images would answer our addresses with an error (no
        // bytes) before ours is asked. Installed first, it is asked last.
        egui_extras::install_image_loaders(ctx);
        ctx.add_image_loader(Arc::new(Loader(store.clone())));
        ctx.data_mut(|d| d.insert_temp(egui::Id::unique(SERVED), store));
    }

    /// The store of `ctx` if one was installed.
    pub fn existing(ctx: &Context) -> Option<Arc<NoteImages>> {
        ctx.data(|d| d.get_temp::<Arc<NoteImages>>(egui::Id::unique(SERVED)))
    }

    /// Keeps `image` as the image at `address`.
    pub fn insert(&self, address: &str, image: ColorImage) {
        self.lock().insert(address.to_string(), Arc::new(image));
    }

    /// The private address under which the image at `address` is served, if
    /// it was loaded.
    pub fn served_as(&self, address: &str) -> Option<String> {
        self.lock()
            .contains_key(address)
            .then(|| format!("{SERVED}{}", hex::encode(address)))
    }

    /// How many images are loaded.
    pub fn len(&self) -> usize {
        self.lock().len()
    }

    /// Whether no image is loaded.
    pub fn is_empty(&self) -> bool {
        self.lock().is_empty()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, Arc<ColorImage>>> {
        // A panic elsewhere while the map was held leaves it whole.
        self.images.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn served(&self, uri: &str) -> Option<Arc<ColorImage>> {
        let address = String::from_utf8(hex::decode(uri.strip_prefix(SERVED)?).ok()?).ok()?;
        self.lock().get(&address).cloned()
    }
}

/// Serves the loaded images to egui.
struct Loader(Arc<NoteImages>);

impl ImageLoader for Loader {
    fn id(&self) -> &str {
        concat!(module_path!(), "::Loader")
    }

    fn load(&self, _ctx: &Context, uri: &str, _size_hint: SizeHint) -> ImageLoadResult {
        match self.0.served(uri) {
            Some(image) => Ok(ImagePoll::Ready { image }),
            None => Err(LoadError::NotSupported),
        }
    }

    fn forget(&self, _uri: &str) {}

    fn forget_all(&self) {}

    fn byte_size(&self) -> usize {
        self.0
            .lock()
            .values()
            .map(|image| image.pixels.len() * 4)
            .sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png(width: u32, height: u32) -> Vec<u8> {
        let image = image::RgbaImage::from_pixel(width, height, image::Rgba([200, 30, 30, 255]));
        let mut bytes = std::io::Cursor::new(Vec::new());
        image
            .write_to(&mut bytes, image::ImageFormat::Png)
            .expect("test set-up");
        bytes.into_inner()
    }

    #[test]
    fn a_wide_image_is_scaled_to_the_texture_limit() {
        let bytes = png(9000, 10);
        assert!(bytes.len() < 2000, "a small file: {}", bytes.len());
        let image = decode(&bytes, 8192).expect("test set-up");
        assert_eq!(image.size[0], 8192);
        assert!(image.size[1] >= 1 && image.size[1] <= 10);
    }

    #[test]
    fn an_image_of_too_many_pixels_is_refused_before_it_is_decoded() {
        let bytes = png(7000, 7000);
        let e = decode(&bytes, 8192).expect_err("refused");
        assert!(
            e.contains("7,000 × 7,000") && e.contains("40 megapixels"),
            "{e}"
        );
        let e = decode(b"not an image at all", 8192).expect_err("refused");
        assert!(e.contains("PNG or JPEG"), "{e}");
    }

    #[test]
    fn addresses_are_told_apart() {
        let folder = Path::new("/cases");
        assert_eq!(
            source("maps/a.png", Some(folder)),
            Source::File(PathBuf::from("/cases/maps/a.png"))
        );
        assert_eq!(
            source("file:///tmp/a%20b.png", None),
            Source::File(PathBuf::from("/tmp/a b.png"))
        );
        assert!(matches!(
            source("https://x.org/a.png", None),
            Source::Web(_)
        ));
        assert_eq!(source("data:image/png;base64,AAAA", None), Source::Embedded);
        assert!(matches!(source("maps/a.png", None), Source::Unusable(_)));
        assert!(matches!(
            source("ftp://x.org/a.png", None),
            Source::Unusable(_)
        ));
        let odd = "a]b)\n<c>\u{202e}.png";
        assert_eq!(address_of_load_link(&load_link(odd)).as_deref(), Some(odd));
    }

    #[test]
    fn a_fifo_or_an_oversized_file_is_refused_naming_it() {
        let dir = tempfile::tempdir().expect("test set-up");
        let big = dir.path().join("big.png");
        std::fs::write(&big, vec![0u8; (MAX_FILE_BYTES + 1) as usize]).expect("test set-up");
        let e = load(&big, 8192).expect_err("refused");
        assert!(e.contains("big.png") && e.contains("16 MiB"), "{e}");
        let e = load(dir.path(), 8192).expect_err("refused");
        assert!(e.contains("folder"), "{e}");
        let good = dir.path().join("good.png");
        std::fs::write(&good, png(40, 20)).expect("test set-up");
        assert_eq!(load(&good, 8192).expect("test set-up").size, [40, 20]);
    }
}

#[cfg(test)]
mod serve_tests {
    use super::*;

    #[test]
    fn a_loaded_image_is_served_to_egui() {
        let ctx = Context::default();
        let store = NoteImages::of(&ctx);
        // As egui_commonmark does before it draws.
        egui_extras::install_image_loaders(&ctx);
        store.insert("map.png", ColorImage::filled([3, 2], egui::Color32::BLUE));
        let uri = store.served_as("map.png").expect("test set-up");
        let poll = ctx.try_load_image(&uri, SizeHint::default());
        assert!(
            matches!(poll, Ok(ImagePoll::Ready { .. })),
            "{:?}",
            poll.err()
        );
        let texture = ctx.try_load_texture(&uri, Default::default(), SizeHint::default());
        assert!(texture.is_ok(), "{:?}", texture.err());
    }
}
