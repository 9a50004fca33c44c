//! Pulse surveys: questions of nine kinds with simple show-if logic, recurring waves,
//! an anonymity threshold, and the responses members give.

use crate::domain::ids::{MemberId, QuestionId, ResponseId, SurveyId};
use crate::domain::time::Timestamp;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

mod export;
mod logic;
mod results;
mod schedule;
pub mod surveyjs;
mod validate;

pub use export::{responses_csv, responses_json};
pub use logic::{answer_visible, check_response, response_id, visible_questions};
pub use results::*;
pub use validate::validate_survey;

/// How answers are asked.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Layout {
    /// All questions on one page.
    #[default]
    OnePage,
    /// One question per screen.
    OnePerScreen,
}

/// How a rating is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum RatingStyle {
    /// Stars.
    #[default]
    Stars,
    /// Numbered buttons.
    Numbers,
}

/// One option of a choice question.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChoiceOption {
    /// Stable id (answers refer to it).
    pub id: String,
    /// Text shown.
    pub label: String,
}

/// The kind of a question and its settings (stored externally tagged: `"nps"`,
/// `{"rating": {"max": 5, "style": "stars"}}`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuestionKind {
    /// Net Promoter Score, 0–10.
    Nps,
    /// Customer satisfaction, 1–5.
    Csat,
    /// 1–`max` stars or numbers.
    Rating {
        /// Highest value (2–10).
        max: u8,
        /// Stars or numbers.
        #[serde(default)]
        style: RatingStyle,
    },
    /// A 0–100 slider along a bar with a chosen emoji.
    EmojiSlider {
        /// The emoji on the thumb.
        emoji: String,
    },
    /// Pick one.
    SingleChoice {
        /// Options.
        options: Vec<ChoiceOption>,
    },
    /// Pick several, within bounds; optionally an "Other" text.
    MultipleChoice {
        /// Options.
        options: Vec<ChoiceOption>,
        /// Fewest selections (0 = none required beyond `required`).
        #[serde(default)]
        min: u8,
        /// Most selections (`None`: any).
        #[serde(default)]
        max: Option<u8>,
        /// Whether an "Other" text option is offered.
        #[serde(default)]
        other: bool,
    },
    /// Yes or no.
    YesNo,
    /// One line of text.
    ShortText,
    /// Paragraphs of text.
    LongText,
}

/// When a question is shown, based on an earlier answer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Condition {
    /// The earlier question.
    pub question: QuestionId,
    /// The test.
    pub test: ConditionTest,
}

/// A test on an earlier answer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ConditionTest {
    /// Equals this value.
    Equals(AnswerValue),
    /// Equals one of these.
    OneOf(Vec<AnswerValue>),
    /// A number within `[min, max]`.
    InRange {
        /// Lowest.
        min: i64,
        /// Highest.
        max: i64,
    },
}

/// A comparable answer value for conditions, stored as a plain JSON boolean, integer or
/// string.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AnswerValue {
    /// Yes/no.
    Bool(bool),
    /// A score.
    Number(i64),
    /// A choice id or a text.
    Text(String),
}

impl Serialize for AnswerValue {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            AnswerValue::Bool(b) => s.serialize_bool(*b),
            AnswerValue::Number(n) => s.serialize_i64(*n),
            AnswerValue::Text(t) => s.serialize_str(t),
        }
    }
}

impl<'de> Deserialize<'de> for AnswerValue {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = AnswerValue;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a boolean, an integer or a string")
            }
            fn visit_bool<E>(self, v: bool) -> Result<AnswerValue, E> {
                Ok(AnswerValue::Bool(v))
            }
            fn visit_i64<E>(self, v: i64) -> Result<AnswerValue, E> {
                Ok(AnswerValue::Number(v))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<AnswerValue, E> {
                i64::try_from(v)
                    .map(AnswerValue::Number)
                    .map_err(|_| E::custom("number too large"))
            }
            fn visit_str<E>(self, v: &str) -> Result<AnswerValue, E> {
                Ok(AnswerValue::Text(v.to_owned()))
            }
        }
        d.deserialize_any(V)
    }
}

/// A survey question.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Question {
    /// Id, stable across edits.
    pub id: QuestionId,
    /// The question.
    pub text: String,
    /// Help text under it.
    #[serde(default)]
    pub help: String,
    /// Whether an answer is required (when shown).
    #[serde(default)]
    pub required: bool,
    /// Kind and settings.
    pub kind: QuestionKind,
    /// Shown only when this holds.
    #[serde(default)]
    pub show_if: Option<Condition>,
}

/// How waves recur.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Recurrence {
    /// One wave only.
    #[default]
    Once,
    /// Every week on the opening weekday.
    Weekly,
    /// Every month on the n-th given weekday (e.g. the first Monday).
    Monthly {
        /// 1–4, or 5 for "last".
        nth: u8,
        /// ISO weekday, 1 = Monday … 7 = Sunday.
        weekday: u8,
    },
    /// Every three months on the opening day of month.
    Quarterly,
}

/// When waves open and how long they stay open.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Schedule {
    /// The first wave opens.
    pub opens_at: Timestamp,
    /// Each wave stays open this many days.
    pub open_days: u32,
    /// Recurrence.
    #[serde(default)]
    pub recurrence: Recurrence,
    /// The IANA-less fixed offset (minutes east of UTC) in which dates are scheduled.
    #[serde(default)]
    pub utc_offset_min: i32,
}

/// A results summary published back to members.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublishedSummary {
    /// Which wave it is about.
    pub wave: u32,
    /// What was learned.
    pub summary: String,
    /// What will be done about it.
    pub actions: String,
    /// When published.
    pub published_at: Timestamp,
}

/// Minimum responses before non-admins see results: default and bounds.
pub const THRESHOLD_DEFAULT: u8 = 5;
/// See [`THRESHOLD_DEFAULT`].
pub const THRESHOLD_MIN: u8 = 3;
/// See [`THRESHOLD_DEFAULT`].
pub const THRESHOLD_MAX: u8 = 10;

fn default_threshold() -> u8 {
    THRESHOLD_DEFAULT
}

/// A pulse survey.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Survey {
    /// Id.
    pub id: SurveyId,
    /// Title.
    pub title: String,
    /// Introduction.
    #[serde(default)]
    pub intro: String,
    /// Thank-you text after answering.
    #[serde(default)]
    pub thanks: String,
    /// Questions in order.
    pub questions: Vec<Question>,
    /// Layout.
    #[serde(default)]
    pub layout: Layout,
    /// Anonymous surveys store no member id.
    #[serde(default)]
    pub anonymous: bool,
    /// Minimum responses per wave before results are shown to non-admins.
    #[serde(default = "default_threshold")]
    pub threshold: u8,
    /// Waves.
    pub schedule: Schedule,
    /// Published results, newest last.
    #[serde(default)]
    pub published: Vec<PublishedSummary>,
    /// Created.
    pub created_at: Timestamp,
    /// Optimistic-concurrency version (set by the store).
    #[serde(default)]
    pub version: u64,
}

/// An answer to one question (stored externally tagged: `{"score": 9}`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    /// NPS, CSAT, rating or slider value.
    Score(i64),
    /// A single choice (option id).
    Choice(String),
    /// Several choices and an optional "Other" text.
    Choices {
        /// Option ids.
        selected: Vec<String>,
        /// "Other" text.
        #[serde(default)]
        other: Option<String>,
    },
    /// Yes/no.
    Bool(bool),
    /// Text.
    Text(String),
}

/// A member's (or an anonymous device's) answers to one wave.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Response {
    /// Id.
    pub id: ResponseId,
    /// Survey.
    pub survey_id: SurveyId,
    /// Wave number (0-based).
    pub wave: u32,
    /// The member; `None` for anonymous surveys (whose only guard against a repeat
    /// answer is the id, derived from a hash of the device and survey: see `response_id`).
    #[serde(default)]
    pub respondent: Option<MemberId>,
    /// Answers by question.
    pub answers: BTreeMap<QuestionId, Answer>,
    /// First submitted.
    pub submitted_at: Timestamp,
    /// Last edited.
    #[serde(default)]
    pub updated_at: Option<Timestamp>,
    /// Optimistic-concurrency version (set by the store).
    #[serde(default)]
    pub version: u64,
}
