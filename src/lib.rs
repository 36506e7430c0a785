//! Turnaround: a role-play trainer for customer service recovery.
//!
//! The core (`scenario`, `engine`) is sans-IO and free of any GUI or sound crate;
//! `library` reads scenario files; `cli` is the terminal front end. See ARCHITECTURE.md.

pub mod access;
pub mod app;
pub mod audio;
pub mod audit;
pub mod authoring;
pub mod backup;
pub mod cli;
pub mod demo;
pub mod engine;
pub mod fasthash;
pub mod fuzzing;
pub mod generate;
pub mod i18n;
pub mod library;
pub mod lint;
pub mod lrs;
pub mod measure;
pub mod paths;
pub mod progress;
pub mod report;
pub mod scenario;
pub mod scoring;
pub mod standards;
pub mod ui;
pub mod voice;
pub mod xapi;
