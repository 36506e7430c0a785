//! The integration tests: one binary, one module per feature.

mod app;
mod architecture;
mod cli;
mod content;
mod durability;
mod engine;
mod golden;
mod loader;
mod progress;
mod scoring;
mod util;
