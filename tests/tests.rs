//! The integration tests: one binary, one module per feature.

mod app;
mod architecture;
mod authoring;
mod cli;
mod content;
mod durability;
mod engine;
mod fuzz_replay;
mod golden;
mod hardening;
mod i18n;
mod loader;
mod lrs;
mod manager;
mod mutation;
mod portrait;
mod practice;
mod progress;
mod report;
mod scoring;
mod trainer;
mod util;
mod voices;
mod xapi;
