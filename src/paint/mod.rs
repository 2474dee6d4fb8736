//! Painting helpers shared by the map and the panels: shapes kept tessellated
//! between frames while what they show stays the same.

pub mod retained;
