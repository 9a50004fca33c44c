//! Pulse surveys: questions of nine kinds with simple show-if logic, recurring waves,
//! an anonymity threshold, and the responses members give.

use crate::domain::ids::{DeviceId, MemberId, QuestionId, ResponseId, SurveyId};
use crate::domain::time::Timestamp;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

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
    /// The member; `None` for anonymous surveys.
    #[serde(default)]
    pub respondent: Option<MemberId>,
    /// For anonymous surveys only: a per-device guard against repeat answers.
    #[serde(default)]
    pub device_guard: Option<DeviceId>,
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

impl Schedule {
    /// When wave `n` opens (`None` past a one-off survey's only wave or out of range).
    ///
    /// Dates are computed in the schedule's fixed UTC offset, so "the first Monday at
    /// 09:00" stays 09:00 local time in every month.
    pub fn wave_start(&self, n: u32) -> Option<Timestamp> {
        use time::{Duration, OffsetDateTime, UtcOffset};
        let offset = UtcOffset::from_whole_seconds(self.utc_offset_min.checked_mul(60)?).ok()?;
        let first =
            OffsetDateTime::from_unix_timestamp_nanos(i128::from(self.opens_at.0) * 1_000_000)
                .ok()?
                .to_offset(offset);
        let local = match &self.recurrence {
            Recurrence::Once if n == 0 => first,
            Recurrence::Once => return None,
            Recurrence::Weekly => first.checked_add(Duration::weeks(i64::from(n)))?,
            Recurrence::Monthly { nth, weekday } => {
                let (y, m) = add_months(first.year(), u8::from(first.month()), n)?;
                let day = nth_weekday(y, m, *nth, *weekday)?;
                let date =
                    time::Date::from_calendar_date(y, time::Month::try_from(m).ok()?, day).ok()?;
                date.with_time(first.time()).assume_offset(offset)
            }
            Recurrence::Quarterly => {
                let (y, m) = add_months(first.year(), u8::from(first.month()), n.checked_mul(3)?)?;
                let month = time::Month::try_from(m).ok()?;
                let day = first.day().min(month.length(y));
                let date = time::Date::from_calendar_date(y, month, day).ok()?;
                date.with_time(first.time()).assume_offset(offset)
            }
        };
        Some(Timestamp((local.unix_timestamp_nanos() / 1_000_000) as i64))
    }

    /// When wave `n` closes.
    pub fn wave_end(&self, n: u32) -> Option<Timestamp> {
        let start = self.wave_start(n)?;
        let end = start.plus_days(i64::from(self.open_days));
        // A wave never runs into the next one.
        Some(match self.wave_start(n + 1) {
            Some(next) if next < end => next,
            _ => end,
        })
    }

    /// The latest wave that has opened by `now`, and whether it is still open.
    pub fn wave_at(&self, now: Timestamp) -> Option<(u32, bool)> {
        let mut latest = None;
        let mut n = 0u32;
        while let Some(start) = self.wave_start(n) {
            if start > now {
                break;
            }
            latest = Some(n);
            n += 1;
            if n > 10_000 {
                break;
            }
        }
        let n = latest?;
        let open = self.wave_end(n).is_some_and(|end| now < end);
        Some((n, open))
    }
}

fn add_months(year: i32, month: u8, n: u32) -> Option<(i32, u8)> {
    let index = i64::from(year) * 12 + i64::from(month) - 1 + i64::from(n);
    Some((
        i32::try_from(index.div_euclid(12)).ok()?,
        (index.rem_euclid(12) + 1) as u8,
    ))
}

/// Day of month of the `nth` (1–4, 5 = last) ISO `weekday` (1 = Monday) of a month.
fn nth_weekday(year: i32, month: u8, nth: u8, weekday: u8) -> Option<u8> {
    let month = time::Month::try_from(month).ok()?;
    let first = time::Date::from_calendar_date(year, month, 1).ok()?;
    let first_wd = first.weekday().number_from_monday();
    if !(1..=7).contains(&weekday) || !(1..=5).contains(&nth) {
        return None;
    }
    let first_match = 1 + (7 + weekday - first_wd) % 7;
    let days = month.length(year);
    let mut day = first_match + 7 * (nth.min(5) - 1);
    while day > days {
        day -= 7;
    }
    Some(day)
}

#[cfg(test)]
mod schedule_tests {
    use super::*;

    fn ts(s: &str) -> Timestamp {
        Timestamp::parse(s).unwrap()
    }

    fn monthly(first: &str, offset: i32) -> Schedule {
        Schedule {
            opens_at: ts(first),
            open_days: 14,
            recurrence: Recurrence::Monthly { nth: 1, weekday: 1 },
            utc_offset_min: offset,
        }
    }

    #[test]
    fn first_monday_each_month_across_year_end() {
        let s = monthly("2025-11-03T09:00:00Z", 0);
        assert_eq!(s.wave_start(1).unwrap(), ts("2025-12-01T09:00:00Z"));
        assert_eq!(s.wave_start(2).unwrap(), ts("2026-01-05T09:00:00Z"));
        assert_eq!(s.wave_start(3).unwrap(), ts("2026-02-02T09:00:00Z"));
    }

    #[test]
    fn local_time_holds_in_an_offset() {
        // 09:00 in UTC+1 is 08:00Z; the wave in a month starting on a Monday stays on day 1.
        let s = monthly("2025-09-01T08:00:00Z", 60);
        assert_eq!(s.wave_start(0).unwrap(), ts("2025-09-01T08:00:00Z"));
        assert_eq!(s.wave_start(1).unwrap(), ts("2025-10-06T08:00:00Z"));
    }

    #[test]
    fn offset_changes_the_local_date() {
        // 23:30Z on Sunday 2025-08-31 is already Monday 01:30 in UTC+2.
        let s = monthly("2025-08-31T23:30:00Z", 120);
        assert_eq!(s.wave_start(1).unwrap(), ts("2025-10-05T23:30:00Z"));
    }

    #[test]
    fn last_weekday_and_quarterly_clamp() {
        let last_friday = Schedule {
            opens_at: ts("2026-01-30T10:00:00Z"),
            open_days: 3,
            recurrence: Recurrence::Monthly { nth: 5, weekday: 5 },
            utc_offset_min: 0,
        };
        assert_eq!(
            last_friday.wave_start(1).unwrap(),
            ts("2026-02-27T10:00:00Z")
        );
        let quarterly = Schedule {
            opens_at: ts("2025-11-30T10:00:00Z"),
            open_days: 10,
            recurrence: Recurrence::Quarterly,
            utc_offset_min: 0,
        };
        assert_eq!(quarterly.wave_start(1).unwrap(), ts("2026-02-28T10:00:00Z"));
    }

    #[test]
    fn wave_at_finds_open_and_closed_waves() {
        let s = monthly("2025-11-03T09:00:00Z", 0);
        assert_eq!(s.wave_at(ts("2025-11-01T00:00:00Z")), None);
        assert_eq!(s.wave_at(ts("2025-11-10T00:00:00Z")), Some((0, true)));
        assert_eq!(s.wave_at(ts("2025-11-20T00:00:00Z")), Some((0, false)));
        assert_eq!(s.wave_at(ts("2025-12-02T00:00:00Z")), Some((1, true)));
        let once = Schedule {
            recurrence: Recurrence::Once,
            ..s
        };
        assert_eq!(once.wave_at(ts("2026-05-01T00:00:00Z")), Some((0, false)));
    }

    #[test]
    fn waves_never_overlap() {
        let s = Schedule {
            opens_at: ts("2025-11-03T09:00:00Z"),
            open_days: 10,
            recurrence: Recurrence::Weekly,
            utc_offset_min: 0,
        };
        assert_eq!(s.wave_end(0).unwrap(), ts("2025-11-10T09:00:00Z"));
    }
}
