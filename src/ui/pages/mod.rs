//! Pages, one per route, plus the embed shell and the configuration-error page.

pub mod board;
mod config_error;
mod embed;
mod home;
mod idea;
mod idea_row;
mod not_found;

pub use board::BoardPage;
pub use config_error::ConfigErrorPage;
pub use embed::EmbedShell;
pub use home::HomePage;
pub use idea::IdeaPage;
pub use idea_row::IdeaRow;
pub use not_found::NotFound;
