//! The integration tests: one binary, one module per feature.

mod architecture;
mod cli;
mod content;
mod engine;
mod golden;
mod loader;
mod util;
