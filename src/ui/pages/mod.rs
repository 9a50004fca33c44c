//! Pages, one per route, plus the embed shell and the configuration-error page.

pub mod board;
mod board_settings;
pub mod board_tools;
mod changelog;
mod config_error;
pub mod dashboard;
mod embed;
mod home;
pub mod idea;
pub mod idea_card;
mod idea_row;
mod moderation;
mod not_found;
mod profile;
mod roadmap;
pub mod survey;

pub use board::BoardPage;
pub use board_settings::{BoardSettingsPage, NewBoardPage};
pub use changelog::ChangelogPage;
pub use config_error::ConfigErrorPage;
pub use embed::{any_widget, board_widget, survey_widget, EmbedShell, Widget};
pub use home::HomePage;
pub use idea::IdeaPage;
pub use idea_row::IdeaRow;
pub use moderation::ModerationPage;
pub use not_found::NotFound;
pub use profile::ProfilePage;
pub use roadmap::RoadmapPage;
