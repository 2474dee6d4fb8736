//! Presentation mode and the presenter view. Filled in by issue 6.
