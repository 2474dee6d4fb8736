//! Painting helpers below the views, shared by the map and the panels: the
//! colours they share, shapes kept tessellated between frames while what they
//! show stays the same, and saving a region of the window as an image.

pub mod palette;
pub mod region_export;
pub mod retained;
