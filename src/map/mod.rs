//! Geodata, projection, cached tessellation and the map widget.
//! Filled in by the map work (issue 3).
