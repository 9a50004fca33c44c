//! Errors of the domain: field-level validation problems a form shows next to the
//! field, and rule violations (permissions, closed ideas, budgets) with actionable text.

use serde::{Deserialize, Serialize};

/// What is wrong with one field; the UI turns it into a sentence in the user's language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(rename_all = "snake_case")]
pub enum Problem {
    /// The field is required and empty.
    #[error("is required")]
    Required,
    /// Shorter than allowed (in characters).
    #[error("must have at least {min} characters")]
    TooShort {
        /// The minimum.
        min: usize,
    },
    /// Longer than allowed (in characters).
    #[error("must have at most {max} characters (it has {len})")]
    TooLong {
        /// The maximum.
        max: usize,
        /// The actual length.
        len: usize,
    },
    /// A number out of range.
    #[error("must be between {min} and {max}")]
    OutOfRange {
        /// Lowest allowed.
        min: i64,
        /// Highest allowed.
        max: i64,
    },
    /// Not of the expected form; `expected` describes it (e.g. "lowercase letters, digits and -").
    #[error("must be {expected}")]
    Invalid {
        /// The expected form, in English (the UI may show its own wording).
        expected: String,
    },
    /// Already used by another record.
    #[error("is already taken")]
    Taken,
}

/// A problem with one named field.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[error("{field} {problem}")]
pub struct FieldError {
    /// The field's name as the form knows it (`title`, `description`, `questions[2].max`).
    pub field: String,
    /// What is wrong.
    pub problem: Problem,
}

impl FieldError {
    /// A problem with `field`.
    pub fn new(field: impl Into<String>, problem: Problem) -> Self {
        Self {
            field: field.into(),
            problem,
        }
    }
}

/// Checks a text's trimmed length in characters.
pub fn check_len(field: &str, text: &str, min: usize, max: usize, errors: &mut Vec<FieldError>) {
    let len = crate::domain::text::char_len(text.trim());
    if len == 0 && min > 0 {
        errors.push(FieldError::new(field, Problem::Required));
    } else if len < min {
        errors.push(FieldError::new(field, Problem::TooShort { min }));
    } else if len > max {
        errors.push(FieldError::new(field, Problem::TooLong { max, len }));
    }
}

/// A rule of the community was not met.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(rename_all = "snake_case")]
pub enum DomainError {
    /// One or more fields are invalid.
    #[error("please correct: {}", .0.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("; "))]
    Invalid(Vec<FieldError>),
    /// The acting person lacks the role for this.
    #[error("you need the {needed} role to {action}")]
    Forbidden {
        /// The action, in English.
        action: String,
        /// The role needed.
        needed: String,
    },
    /// The idea is closed (or merged) and cannot take votes.
    #[error("this idea is closed for voting")]
    VotingClosed,
    /// The member has used every vote of the board's budget.
    #[error("you have used all {budget} votes on this board; a vote comes back when an idea you voted for closes or when you remove a vote")]
    BudgetExhausted {
        /// The board's budget.
        budget: u32,
    },
    /// The board does not accept anonymous votes or posts.
    #[error("please sign in: this board does not accept anonymous participation")]
    SignInRequired,
    /// Slow mode: the member must wait.
    #[error("slow mode: you can post again in {wait_s} seconds")]
    SlowMode {
        /// Seconds to wait.
        wait_s: i64,
    },
    /// Something referenced does not exist.
    #[error("{what} was not found")]
    NotFound {
        /// What was missing.
        what: String,
    },
}

impl DomainError {
    /// The field errors, if this is a validation error.
    pub fn field_errors(&self) -> &[FieldError] {
        match self {
            DomainError::Invalid(errors) => errors,
            _ => &[],
        }
    }
}
