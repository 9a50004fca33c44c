//! Reusable pieces of the interface, one public component per file.

mod header;
mod language_switcher;
mod notices_region;
mod plain_text;
mod role_switcher;
mod status_badge;
mod storage_banner;
mod vote_button;

pub use header::Header;
pub use language_switcher::LanguageSwitcher;
pub use notices_region::NoticesRegion;
pub use plain_text::PlainText;
pub use role_switcher::RoleSwitcher;
pub use status_badge::{status_name as status_badge_name, StatusBadge};
pub use storage_banner::StorageBanner;
pub use vote_button::VoteButton;
