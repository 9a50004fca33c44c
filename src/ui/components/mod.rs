//! Reusable pieces of the interface, one public component per file.

mod chart;
pub mod charts;
mod comment_form;
mod contributor_badge;
pub mod field_error;
mod header;
mod idea_form;
mod language_switcher;
mod notices_region;
mod plain_text;
mod question_input;
mod read_problem;
mod report_form;
mod role_switcher;
mod status_badge;
mod storage_banner;
mod vote_button;

pub use chart::ChartView;
pub use comment_form::CommentForm;
pub use contributor_badge::ContributorBadge;
pub use field_error::FieldErrorText;
pub use header::Header;
pub use idea_form::IdeaForm;
pub use language_switcher::LanguageSwitcher;
pub use notices_region::NoticesRegion;
pub use plain_text::PlainText;
pub use question_input::QuestionInput;
pub use read_problem::ReadProblem;
pub use report_form::ReportForm;
pub use role_switcher::RoleSwitcher;
pub use status_badge::{status_name as status_badge_name, StatusBadge};
pub use storage_banner::StorageBanner;
pub use vote_button::VoteButton;
