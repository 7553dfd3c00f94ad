//! brief: multi-document extractive summarization with citations.

pub mod error;
pub mod eval;
pub mod lang;
pub mod segment;

pub use error::{Error, Result};
pub use lang::Language;
