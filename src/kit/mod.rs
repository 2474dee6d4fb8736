//! The shared view pieces below every view (map, panels, slides): the theme and
//! palette, the editing widgets and the labels of the document's choices, number
//! formatting, Markdown notes drawn block by block, sections drawn only when
//! seen, tessellations kept between frames, and saving a region as an image.
//!
//! May import `crate::scenario`, `crate::assets` and egui; never a view
//! (`crate::map`, `crate::plots`, `crate::ui`, `crate::present`).

pub mod choices;
pub mod contain;
pub mod format;
pub mod lazy;
pub mod markdown;
pub mod note_images;
pub mod palette;
pub mod region_export;
pub mod retained;
pub mod steps;
pub mod theme;
pub mod widgets;
