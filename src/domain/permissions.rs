//! Who may do what. The UI hides what a role cannot do, but the rules live here so they
//! hold the same behind any store (and are mirrored by server-side rules on backends).

use crate::domain::error::DomainError;
use crate::domain::member::Role;

/// An action that needs a role.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// Approve, reject or edit others' posts; handle reports; edit the word filter.
    Moderate,
    /// Change an idea's status or move it on the roadmap.
    ChangeStatus,
    /// Merge duplicate ideas.
    Merge,
    /// Reply as staff (official answer).
    ReplyOfficially,
    /// Create and configure boards, statuses and categories.
    ConfigureBoards,
    /// Publish changelog entries.
    PublishChangelog,
    /// See who voted.
    SeeVoters,
    /// Export ideas and votes.
    Export,
    /// Create and edit surveys, publish their results.
    ManageSurveys,
    /// See survey results below the anonymity threshold and export responses.
    SeeAllResults,
    /// See the engagement dashboard and import activity into it.
    SeeDashboard,
}

impl Action {
    /// The lowest role allowed.
    pub fn required_role(self) -> Role {
        match self {
            Action::Moderate
            | Action::ChangeStatus
            | Action::Merge
            | Action::ReplyOfficially
            | Action::SeeDashboard => Role::Moderator,
            Action::ConfigureBoards
            | Action::PublishChangelog
            | Action::SeeVoters
            | Action::Export
            | Action::ManageSurveys
            | Action::SeeAllResults => Role::Admin,
        }
    }

    fn describe(self) -> &'static str {
        match self {
            Action::Moderate => "moderate posts",
            Action::ChangeStatus => "change statuses",
            Action::Merge => "merge ideas",
            Action::ReplyOfficially => "reply officially",
            Action::ConfigureBoards => "configure boards",
            Action::PublishChangelog => "publish the changelog",
            Action::SeeVoters => "see voters",
            Action::Export => "export data",
            Action::ManageSurveys => "manage surveys",
            Action::SeeAllResults => "see all survey results",
            Action::SeeDashboard => "see the engagement dashboard",
        }
    }
}

/// Whether `role` may do `action`.
pub fn can(role: Role, action: Action) -> bool {
    role >= action.required_role()
}

/// `Ok` when `role` may do `action`, else a `Forbidden` error naming the role needed.
///
/// ```
/// use gromada::domain::permissions::{require, Action};
/// use gromada::domain::member::Role;
/// assert!(require(Role::Moderator, Action::Merge).is_ok());
/// assert!(require(Role::Member, Action::Merge).is_err());
/// assert!(require(Role::Moderator, Action::PublishChangelog).is_err());
/// ```
pub fn require(role: Role, action: Action) -> Result<(), DomainError> {
    if can(role, action) {
        Ok(())
    } else {
        Err(DomainError::Forbidden {
            action: action.describe().to_owned(),
            needed: action.required_role().as_str().to_owned(),
        })
    }
}
