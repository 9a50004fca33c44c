//! The i18n layer: every visible string comes from a [`Messages`] table, complete in
//! English and Polish (a missing entry does not compile), with plural rules per language.
//! Formatting of numbers and dates per locale lives in `ui::format` (browser `Intl`).

mod dashboard;
mod en;
mod errors;
mod pl;

use crate::domain::board::PresetStatus;
use crate::domain::locale::Locale;
use crate::domain::member::Role;

pub use dashboard::DashboardMessages;
pub use en::EN;
pub use errors::wait_text;
pub use pl::PL;

/// Which plural form a count takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PluralForm {
    /// 1 (EN, PL).
    One,
    /// PL: 2–4, 22–24, … (not 12–14).
    Few,
    /// Everything else.
    Many,
}

/// The plural form of `n` in `locale` (CLDR rules for integers).
///
/// ```
/// use gromada::ui::i18n::{plural, PluralForm};
/// use gromada::domain::locale::Locale;
/// assert_eq!(plural(Locale::Pl, 22), PluralForm::Few);
/// assert_eq!(plural(Locale::Pl, 12), PluralForm::Many);
/// assert_eq!(plural(Locale::En, 2), PluralForm::Many);
/// ```
pub fn plural(locale: Locale, n: u64) -> PluralForm {
    match locale {
        Locale::En => {
            if n == 1 {
                PluralForm::One
            } else {
                PluralForm::Many
            }
        }
        Locale::Pl => {
            if n == 1 {
                PluralForm::One
            } else if (2..=4).contains(&(n % 10)) && !(12..=14).contains(&(n % 100)) {
                PluralForm::Few
            } else {
                PluralForm::Many
            }
        }
    }
}

/// Three forms of a counted noun: one, few (Polish 2–4), many.
#[derive(Clone, Copy, Debug)]
pub struct Plural(pub &'static str, pub &'static str, pub &'static str);

impl Plural {
    /// The form for `n`, without the number.
    pub fn pick(&self, locale: Locale, n: u64) -> &'static str {
        match plural(locale, n) {
            PluralForm::One => self.0,
            PluralForm::Few => self.1,
            PluralForm::Many => self.2,
        }
    }
}

/// The strings the embeds show (and the app with them) in one language; the rest of the
/// app's strings are in [`AppMessages`], reached through [`Messages::app`]. Templates use
/// `{n}`, `{name}` … placeholders filled by [`fill`].
#[derive(Debug)]
pub struct Messages {
    /// The language of this table.
    pub locale: Locale,
    /// Footer: where data is kept, local.
    pub storage_local: &'static str,
    /// Footer: in memory.
    pub storage_memory: &'static str,
    /// Footer: on a server.
    pub storage_remote: &'static str,
    /// "Powered by Gromada".
    pub powered_by: &'static str,
    /// Loading…
    pub loading: &'static str,
    /// A read failed and nothing could be shown ({reason}).
    pub read_failed: &'static str,
    /// After a failed read: it is retried by itself shortly.
    pub read_retry_soon: &'static str,
    /// After a failed read: it is retried at the next change.
    pub read_retry_later: &'static str,
    /// A read failed; what is shown is from an earlier read ({reason}).
    pub read_failed_stale: &'static str,
    /// The members could not be read ({reason}).
    pub members_read_failed: &'static str,
    /// Dismiss button.
    pub dismiss: &'static str,
    /// Retry button.
    pub retry: &'static str,

    // Errors
    /// Heading of the crash panel.
    pub crash_title: &'static str,
    /// Body of the crash panel.
    pub crash_body: &'static str,
    /// Reload button.
    pub reload: &'static str,
    /// Generic error heading.
    pub error_title: &'static str,
    /// Heading: invalid configuration.
    pub config_error_title: &'static str,
    /// Intro: invalid configuration.
    pub config_error_intro: &'static str,
    /// Column: field.
    pub config_field: &'static str,
    /// Column: expected.
    pub config_expected: &'static str,
    /// Column: found.
    pub config_found: &'static str,
    /// Column: source.
    pub config_source: &'static str,
    /// Heading: data problem.
    pub storage_problem_title: &'static str,
    /// Body: `{n}` records moved aside.
    pub storage_problem_body: &'static str,
    /// Download the kept raw data.
    pub download_backup: &'static str,
    /// Delete the kept raw data.
    pub discard_backup: &'static str,
    /// Page not found.
    pub not_found_title: &'static str,
    /// Page not found body.
    pub not_found_body: &'static str,
    /// Members, counted.
    pub members: Plural,
    /// Search label.
    pub search: &'static str,
    /// Status label.
    pub status: &'static str,
    /// Remove button.
    pub remove: &'static str,
    /// Next screen.
    pub next: &'static str,
    /// Unknown survey.
    pub survey_not_found: &'static str,
    /// Writes waiting: `{n}`.
    pub sync_pending: &'static str,
    /// Next attempt: `{s}` seconds.
    pub sync_retry_in: &'static str,
    /// Send now.
    pub sync_send_now: &'static str,
    /// Refused writes heading.
    pub sync_failed_title: &'static str,
    /// A refused write: `{what}`, `{error}`.
    pub sync_failed_item: &'static str,
    /// Retry a refused write.
    pub sync_retry: &'static str,
    /// Discard a refused write.
    pub sync_discard: &'static str,
}

/// The strings of the board widget (boards, ideas, votes) in one language, reached through
/// [`Messages::board`]: the survey embed, which never calls it, leaves them out.
#[derive(Debug)]
pub struct BoardMessages {
    /// An anonymous visitor.
    pub anonymous_visitor: &'static str,
    /// Some records could not be shown: `{n}`.
    pub unreadable_records: &'static str,
    /// Back to home.
    pub back_home: &'static str,
    /// Ideas, counted.
    pub ideas: Plural,
    /// Votes, counted.
    pub votes: Plural,
    /// Comments, counted.
    pub comments: Plural,

    // Board
    /// Sort label.
    pub sort_by: &'static str,
    /// Trending.
    pub sort_trending: &'static str,
    /// Top.
    pub sort_top: &'static str,
    /// New.
    pub sort_new: &'static str,
    /// Most discussed.
    pub sort_discussed: &'static str,
    /// Search placeholder.
    pub search_placeholder: &'static str,
    /// Status filter label.
    pub filter_status: &'static str,
    /// Category filter label.
    pub filter_category: &'static str,
    /// All (filter option).
    pub all: &'static str,
    /// My votes.
    pub my_votes: &'static str,
    /// My ideas.
    pub my_ideas: &'static str,
    /// No ideas match.
    pub no_matching_ideas: &'static str,
    /// Shown `{shown}` of `{total}` ideas.
    pub showing_ideas: &'static str,
    /// Show more.
    pub show_more: &'static str,
    /// Vote toggle's accessible name: `{title}`, `{votes}` (e.g. "37 votes"). Its pressed
    /// state says whether the viewer has voted.
    pub vote_for: &'static str,
    /// Voting closed.
    pub voting_closed: &'static str,
    /// Votes left: `{left}` of `{budget}`.
    pub votes_left: &'static str,
    /// Anonymous votes: `{n}`.
    pub anonymous_votes_count: &'static str,
    /// Merged into: shown before a link.
    pub merged_into: &'static str,
    /// Posted by `{name}`.
    pub posted_by: &'static str,
    /// Category label.
    pub category: &'static str,
    /// Waiting for approval.
    pub pending_approval: &'static str,
    /// Description heading.
    pub description: &'static str,
    /// Idea not found.
    pub idea_not_found: &'static str,
    /// Board not found.
    pub board_not_found: &'static str,
    /// Your vote was not saved: `{reason}`.
    pub vote_failed: &'static str,
    /// Post an idea (button and form title).
    pub post_idea: &'static str,
    /// Shipped banner, before the entry.
    pub shipped_in: &'static str,
    /// Shipped tag.
    pub shipped: &'static str,
    /// Rejected tag / after rejecting.
    pub rejected: &'static str,
    /// Trending explanation summary.
    pub why_here: &'static str,
    /// Trending explanation: `{score}`, `{votes}`, `{comments}`, `{n}`, `{c}`.
    pub trending_explain: &'static str,
    /// Whose ideas filter legend.
    pub show_whose: &'static str,
}

/// The strings of the survey form in one language, reached through [`Messages::survey`]:
/// the board embed, which never calls it, leaves them out.
#[derive(Debug)]
pub struct SurveyMessages {
    /// Responses, counted.
    pub responses: Plural,
    /// Anonymous survey note.
    pub anonymous_note: &'static str,
    /// Named survey note.
    pub named_note: &'static str,
    /// After a failed submit.
    pub answer_fix: &'static str,
    /// After answering.
    pub answer_saved: &'static str,
    /// CSAT scale end.
    pub csat_high: &'static str,
    /// CSAT scale end.
    pub csat_low: &'static str,
    /// Edit answer.
    pub edit_answer: &'static str,
    /// Previous screen.
    pub previous: &'static str,
    /// Slider untouched.
    pub not_answered: &'static str,
    /// NPS scale end.
    pub nps_high: &'static str,
    /// NPS scale end.
    pub nps_low: &'static str,
    /// Other.
    pub other_option: &'static str,
    /// Progress: `{a}`, `{n}`.
    pub progress_label: &'static str,
    /// Published heading: `{n}`.
    pub published_title: &'static str,
    /// Required.
    pub required: &'static str,
    /// Results link.
    pub see_results: &'static str,
    /// Anonymous on a named survey.
    pub sign_in_to_answer: &'static str,
    /// Slider value: `{n}`.
    pub slider_value: &'static str,
    /// Submit.
    pub submit_answers: &'static str,
    /// Not yet open: `{date}`.
    pub survey_opens_on: &'static str,
    /// Closed: `{n}`.
    pub wave_closed: &'static str,
    /// Closed with next: `{n}`, `{date}`.
    pub wave_closed_next: &'static str,
    /// Open: `{n}`, `{date}`.
    pub wave_open_until: &'static str,
    /// Actions heading.
    pub what_we_will_do: &'static str,
    /// Yes.
    pub yes: &'static str,
    /// No.
    pub no: &'static str,
}

/// The strings only the full app shows (pages, forms and tools the embeds do not carry), in
/// one language. A separate table reached through [`Messages::app`], so the embed builds,
/// which never call it, leave these strings out (the board embed carried every string of
/// the app in both languages before).
#[derive(Debug)]
pub struct AppMessages {
    /// Nav: roadmap.
    pub nav_roadmap: &'static str,
    /// Nav: surveys.
    pub nav_surveys: &'static str,
    /// Edit button.
    pub edit: &'static str,
    /// Export ideas button.
    pub export_ideas: &'static str,
    /// Export votes button.
    pub export_votes: &'static str,
    /// Board settings link.
    pub board_settings: &'static str,
    /// New survey.
    pub new_survey: &'static str,
    /// No surveys.
    pub no_surveys: &'static str,
    // Shell
    /// Skip link.
    pub skip_to_content: &'static str,
    /// Label of the main navigation.
    pub nav_label: &'static str,
    /// Nav: home.
    pub nav_home: &'static str,
    /// Nav: changelog.
    pub nav_changelog: &'static str,
    /// Nav: dashboard.
    pub nav_dashboard: &'static str,
    /// Nav: moderation.
    pub nav_moderation: &'static str,
    /// Language switcher label.
    pub language: &'static str,
    /// Role switcher label.
    pub acting_as: &'static str,
    /// Role switcher explanation.
    pub demo_roles_note: &'static str,
    /// Close button.
    pub close: &'static str,
    /// Cancel button.
    pub cancel: &'static str,
    /// Save button.
    pub save: &'static str,
    /// Storage is read-only.
    pub read_only_note: &'static str,

    // Home
    /// Home heading: `{community}`.
    pub home_title: &'static str,
    /// Home intro.
    pub home_intro: &'static str,
    /// Boards heading.
    pub boards_heading: &'static str,
    /// Open the board.
    pub open_board: &'static str,
    /// No boards yet.
    pub no_boards: &'static str,
    /// Comments heading.
    pub comments_heading: &'static str,
    /// No comments.
    pub no_comments: &'static str,
    /// Official answer badge.
    pub official: &'static str,
    /// Back to board.
    pub back_to_board: &'static str,
    /// Title field.
    pub idea_title: &'static str,
    /// Description field.
    pub idea_description: &'static str,
    /// Description hint.
    pub description_hint: &'static str,
    /// Characters used: `{n}`, `{max}`.
    pub chars_count: &'static str,
    /// Duplicate hints heading.
    pub similar_ideas: &'static str,
    /// Submit idea button.
    pub submit_idea: &'static str,
    /// After posting.
    pub idea_posted: &'static str,
    /// After posting, held.
    pub idea_held: &'static str,
    /// No category option.
    pub no_category: &'static str,
    /// Comment field.
    pub comment_label: &'static str,
    /// Post comment button.
    pub post_comment: &'static str,
    /// After commenting.
    pub comment_posted: &'static str,
    /// After commenting, held.
    pub comment_held: &'static str,
    /// Merged ideas take no comments.
    pub comments_closed: &'static str,
    /// Slow mode countdown: `{time}`.
    pub slow_mode_wait: &'static str,
    /// Report link.
    pub report: &'static str,
    /// After reporting.
    pub reported: &'static str,
    /// Report reason legend.
    pub report_reason: &'static str,
    /// Report note field.
    pub report_note: &'static str,
    /// Send report button.
    pub send_report: &'static str,
    /// After sending a report.
    pub report_sent: &'static str,
    /// Staff tools heading.
    pub moderation_tools: &'static str,
    /// Change status label.
    pub change_status: &'static str,
    /// Apply button.
    pub apply: &'static str,
    /// After a status change: `{status}`.
    pub status_changed: &'static str,
    /// Merge legend.
    pub merge_into: &'static str,
    /// Merge search hint.
    pub merge_search: &'static str,
    /// Merge button before a choice.
    pub merge_pick: &'static str,
    /// Merge button: `{from}`, `{into}`.
    pub merge_confirm: &'static str,
    /// After merging: `{title}`.
    pub merged_ok: &'static str,
    /// Merged duplicates heading.
    pub merged_from: &'static str,
    /// Announce link.
    pub publish_changelog: &'static str,
    /// Contributors count: `{n}`.
    pub thanks_to: &'static str,
    /// Save changes button.
    pub save_changes: &'static str,
    /// After saving.
    pub saved: &'static str,
    /// Approve button.
    pub approve: &'static str,
    /// After approving.
    pub approved: &'static str,
    /// Reject button.
    pub reject: &'static str,
    /// Held idea banner.
    pub pending_note: &'static str,
    /// Rejected idea banner.
    pub rejected_note: &'static str,
    /// Contributor badge.
    pub contributor: &'static str,
    /// Contributor badge explanation.
    pub contributor_note: &'static str,
    /// Before an author's name.
    pub posted_by_label: &'static str,
    /// Status history heading.
    pub status_history: &'static str,
    /// Voters heading.
    pub voters: &'static str,
    /// New board link and heading.
    pub new_board: &'static str,
    /// Roadmap heading.
    pub roadmap_title: &'static str,
    /// Roadmap intro.
    pub roadmap_intro: &'static str,
    /// Board select label.
    pub board_label: &'static str,
    /// Empty lane.
    pub lane_empty: &'static str,
    /// Move button name: `{title}`, `{status}`.
    pub move_to: &'static str,
    /// Changelog heading.
    pub changelog_title: &'static str,
    /// Changelog intro.
    pub changelog_intro: &'static str,
    /// New changelog entry button.
    pub new_entry: &'static str,
    /// Entry headline field.
    pub entry_title: &'static str,
    /// Entry body field.
    pub entry_body: &'static str,
    /// Entry ideas legend.
    pub entry_ideas: &'static str,
    /// No ideas to announce.
    pub no_shipped_ideas: &'static str,
    /// Publish button.
    pub publish: &'static str,
    /// After publishing: `{n}`.
    pub published_ok: &'static str,
    /// Empty changelog.
    pub no_entries: &'static str,
    /// Thanks line: `{names}`.
    pub thanks_names: &'static str,
    /// More names: `{n}`.
    pub and_more: &'static str,
    /// Joined: `{date}`.
    pub joined: &'static str,
    /// Ideas posted heading.
    pub ideas_posted: &'static str,
    /// Unknown member.
    pub member_not_found: &'static str,
    /// Not staff.
    pub moderators_only: &'static str,
    /// Queue heading.
    pub queue_heading: &'static str,
    /// Empty queue.
    pub queue_empty: &'static str,
    /// Queue item: idea.
    pub queue_idea_on: &'static str,
    /// Queue item: comment.
    pub queue_comment_on: &'static str,
    /// Reports: `{n}`.
    pub reports_count: &'static str,
    /// Keep a reported post.
    pub dismiss_reports: &'static str,
    /// Approve after editing.
    pub save_and_approve: &'static str,
    /// Post text field.
    pub text_label: &'static str,
    /// Decisions heading.
    pub log_heading: &'static str,
    /// Empty log.
    pub log_empty: &'static str,
    /// Log column.
    pub log_when: &'static str,
    /// Log column.
    pub log_who: &'static str,
    /// Log column.
    pub log_what: &'static str,
    /// Log column.
    pub log_note: &'static str,
    /// Word filter heading.
    pub word_filter_heading: &'static str,
    /// Word filter hint.
    pub word_filter_hint: &'static str,
    /// Bare link rule.
    pub hold_links: &'static str,
    /// After saving settings.
    pub settings_saved: &'static str,
    /// Queue size for screen readers: `{n}`.
    pub pending_count: &'static str,
    /// Not admin.
    pub admins_only: &'static str,
    /// Board name field.
    pub board_name: &'static str,
    /// Board address field.
    pub board_slug: &'static str,
    /// Board description field.
    pub board_description: &'static str,
    /// Who may post legend.
    pub posting_label: &'static str,
    /// Posting option.
    pub posting_anyone: &'static str,
    /// Posting option.
    pub posting_members: &'static str,
    /// Moderation legend.
    pub moderation_label: &'static str,
    /// Moderation option.
    pub moderation_publish: &'static str,
    /// Moderation option.
    pub moderation_approve: &'static str,
    /// Vote budget field.
    pub budget_label: &'static str,
    /// Anonymous votes option.
    pub anonymous_votes_label: &'static str,
    /// Slow mode legend.
    pub slow_mode_label: &'static str,
    /// Slow mode switch.
    pub slow_mode_on: &'static str,
    /// Slow mode posts.
    pub slow_posts: &'static str,
    /// Slow mode minutes.
    pub slow_minutes: &'static str,
    /// Categories legend.
    pub categories_heading: &'static str,
    /// Category name.
    pub category_name: &'static str,
    /// Add category.
    pub add_category: &'static str,
    /// Statuses legend.
    pub statuses_heading: &'static str,
    /// Status name.
    pub status_name: &'static str,
    /// Status colour.
    pub status_color: &'static str,
    /// Status lane.
    pub status_lane: &'static str,
    /// Roadmap checkbox.
    pub on_roadmap: &'static str,
    /// Shipped checkbox.
    pub counts_as_shipped: &'static str,
    /// Move status up.
    pub move_up: &'static str,
    /// Move status down.
    pub move_down: &'static str,
    /// Add status.
    pub add_status: &'static str,
    /// Create board button.
    pub create_board: &'static str,
    /// Publish form: actions.
    pub actions_label: &'static str,
    /// Add option.
    pub add_option: &'static str,
    /// Add question.
    pub add_question: &'static str,
    /// Allow other.
    pub allow_other: &'static str,
    /// No condition.
    pub always_shown: &'static str,
    /// Anonymous setting.
    pub anonymous_label: &'static str,
    /// Table column.
    pub answer_col: &'static str,
    /// Link to answer.
    pub answer_survey: &'static str,
    /// Rating style.
    pub as_stars: &'static str,
    /// Breakdown select.
    pub breakdown_by: &'static str,
    /// Breakdown heading.
    pub breakdown_title: &'static str,
    /// ECharts failed.
    pub chart_failed: &'static str,
    /// Chart label: `{title}`.
    pub chart_of: &'static str,
    /// Table column.
    pub count_col: &'static str,
    /// CSAT headline: `{share}`.
    pub csat_line: &'static str,
    /// Duplicate question.
    pub duplicate: &'static str,
    /// Builder heading: `{title}`.
    pub edit_survey: &'static str,
    /// Emoji field.
    pub emoji_label: &'static str,
    /// Condition value.
    pub equals_label: &'static str,
    /// Export CSV.
    pub export_csv: &'static str,
    /// Export JSON.
    pub export_json: &'static str,
    /// Validation failed.
    pub fix_fields: &'static str,
    /// NPS formula.
    pub formula_nps: &'static str,
    /// CSAT formula.
    pub formula_csat: &'static str,
    /// Mean formula.
    pub formula_mean: &'static str,
    /// Share formula.
    pub formula_share: &'static str,
    /// Help text field.
    pub help_text: &'static str,
    /// Import hint.
    pub import_hint: &'static str,
    /// Import error: `{error}`.
    pub import_not_json: &'static str,
    /// Import error.
    pub import_not_survey: &'static str,
    /// Import field.
    pub import_paste: &'static str,
    /// Import button.
    pub import_run: &'static str,
    /// Skipped heading.
    pub import_skipped: &'static str,
    /// Import toggle.
    pub import_surveyjs: &'static str,
    /// Import done: `{n}`.
    pub imported_n: &'static str,
    /// Layout select.
    pub layout_label: &'static str,
    /// Layout option.
    pub layout_page: &'static str,
    /// Layout option.
    pub layout_screen: &'static str,
    /// Max choices.
    pub max_choices: &'static str,
    /// Min choices.
    pub min_choices: &'static str,
    /// Mean headline: `{mean}`.
    pub mean_line: &'static str,
    /// Which week.
    pub monthly_nth: &'static str,
    /// Move question down.
    pub move_down_q: &'static str,
    /// Move question up.
    pub move_up_q: &'static str,
    /// NPS headline: `{score}`, `{p}`, `{s}`, `{d}`.
    pub nps_line: &'static str,
    /// Open days.
    pub open_days: &'static str,
    /// Opens at.
    pub opens_at: &'static str,
    /// Default option label.
    pub option_label: &'static str,
    /// Option field name: `{n}`.
    pub option_n: &'static str,
    /// Options legend.
    pub options_label: &'static str,
    /// Preview toggle.
    pub preview: &'static str,
    /// Publish heading: `{n}`.
    pub publish_wave: &'static str,
    /// Table column.
    pub question_col: &'static str,
    /// Question legend: `{n}`.
    pub question_n: &'static str,
    /// Question text.
    pub question_text: &'static str,
    /// Question type.
    pub question_type: &'static str,
    /// Questions heading.
    pub questions_heading: &'static str,
    /// Range from.
    pub range_from: &'static str,
    /// Range to.
    pub range_to: &'static str,
    /// Rating max.
    pub rating_max: &'static str,
    /// Recurrence.
    pub recurrence_label: &'static str,
    /// Response rate: `{rate}`, `{eligible}`.
    pub response_rate: &'static str,
    /// Results heading: `{title}`.
    pub results_title: &'static str,
    /// Save chart.
    pub save_png: &'static str,
    /// Schedule legend.
    pub schedule_label: &'static str,
    /// Table column.
    pub segment_col: &'static str,
    /// Table column.
    pub share_col: &'static str,
    /// Condition.
    pub show_if: &'static str,
    /// Publish: summary.
    pub summary_label: &'static str,
    /// After publishing.
    pub summary_published: &'static str,
    /// Suppressed segment.
    pub suppressed: &'static str,
    /// Suppression hint: `{n}`.
    pub suppressed_hint: &'static str,
    /// Intro field.
    pub survey_intro: &'static str,
    /// Settings legend.
    pub survey_settings: &'static str,
    /// Thanks field.
    pub survey_thanks: &'static str,
    /// Title field.
    pub survey_title: &'static str,
    /// Threshold.
    pub threshold_label: &'static str,
    /// Trend hint.
    pub trend_hint: &'static str,
    /// Trend heading.
    pub trend_title: &'static str,
    /// Wave select.
    pub wave_label: &'static str,
    /// Wave name: `{n}`.
    pub wave_n: &'static str,
    /// Weekday.
    pub weekday_label: &'static str,
    /// Below threshold: `{n}`, `{m}`.
    pub withheld: &'static str,
}

impl Messages {
    /// The table for `locale`.
    pub fn get(locale: Locale) -> &'static Messages {
        match locale {
            Locale::En => &EN,
            Locale::Pl => &PL,
        }
    }

    /// The board widget's strings in this table's language (see [`BoardMessages`]).
    pub fn board(&self) -> &'static BoardMessages {
        match self.locale {
            Locale::En => &en::EN_BOARD,
            Locale::Pl => &pl::PL_BOARD,
        }
    }

    /// The survey form's strings in this table's language (see [`SurveyMessages`]).
    pub fn survey(&self) -> &'static SurveyMessages {
        match self.locale {
            Locale::En => &en::EN_SURVEY,
            Locale::Pl => &pl::PL_SURVEY,
        }
    }

    /// The strings only the full app shows, in this table's language (see [`AppMessages`]).
    pub fn app(&self) -> &'static AppMessages {
        match self.locale {
            Locale::En => &en::EN_APP,
            Locale::Pl => &pl::PL_APP,
        }
    }

    /// The engagement dashboard's strings in this table's language. A separate table
    /// reached through a call, so builds that never show the dashboard (the embeds) leave
    /// it out.
    pub fn dash(&self) -> &'static DashboardMessages {
        match self.locale {
            Locale::En => &dashboard::DASH_EN,
            Locale::Pl => &dashboard::DASH_PL,
        }
    }

    /// `n` followed by the right form of `noun`, with the number formatted by `fmt`.
    pub fn count(&self, noun: Plural, n: u64, formatted: &str) -> String {
        format!("{formatted} {}", noun.pick(self.locale, n))
    }

    /// A role's name.
    pub fn role(&self, role: Role) -> &'static str {
        match (self.locale, role) {
            (Locale::En, Role::Member) => "Member",
            (Locale::En, Role::Moderator) => "Moderator",
            (Locale::En, Role::Admin) => "Admin",
            (Locale::Pl, Role::Member) => "Członek",
            (Locale::Pl, Role::Moderator) => "Moderator",
            (Locale::Pl, Role::Admin) => "Administrator",
        }
    }

    /// A built-in status's name.
    pub fn preset_status(&self, status: PresetStatus) -> &'static str {
        use PresetStatus::*;
        match (self.locale, status) {
            (Locale::En, Open) => "Open",
            (Locale::En, UnderReview) => "Under review",
            (Locale::En, Planned) => "Planned",
            (Locale::En, InProgress) => "In progress",
            (Locale::En, Done) => "Done",
            (Locale::En, Declined) => "Declined",
            (Locale::Pl, Open) => "Otwarte",
            (Locale::Pl, UnderReview) => "W analizie",
            (Locale::Pl, Planned) => "Zaplanowane",
            (Locale::Pl, InProgress) => "W realizacji",
            (Locale::Pl, Done) => "Zrobione",
            (Locale::Pl, Declined) => "Odrzucone",
        }
    }
}

/// Fills `{key}` placeholders in `template`.
///
/// ```
/// use gromada::ui::i18n::fill;
/// assert_eq!(fill("{left} of {budget}", &[("left", "3"), ("budget", "10")]), "3 of 10");
/// ```
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = template.to_owned();
    for (key, value) in values {
        out = out.replace(&format!("{{{key}}}"), value);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::en::EN_APP;
    use super::pl::PL_APP;
    use super::*;

    /// Every `&'static str` field of a table, by debug output (keeps the test in step
    /// with the struct without listing fields twice).
    fn strings(m: &dyn std::fmt::Debug) -> Vec<(String, String)> {
        let debug = format!("{m:#?}");
        debug
            .lines()
            .filter_map(|l| {
                let (k, v) = l.trim().split_once(": ")?;
                let v = v.trim_end_matches(',');
                v.starts_with('"').then(|| (k.to_owned(), v.to_owned()))
            })
            .collect()
    }

    /// The strings of all of a language's tables (shared, board, survey, app).
    fn both(m: &Messages, app: &AppMessages) -> Vec<(String, String)> {
        let mut all = strings(m);
        all.extend(strings(m.board()));
        all.extend(strings(m.survey()));
        all.extend(strings(app));
        all
    }

    #[test]
    fn tables_have_strings() {
        // Guards the debug-output parsing the tests below rely on.
        assert!(strings(&EN).len() > 30 && strings(&EN_APP).len() > 200);
        assert_eq!(strings(&EN).len(), strings(&PL).len());
        assert_eq!(strings(&EN_APP).len(), strings(&PL_APP).len());
        assert!(!strings(EN.board()).is_empty() && !strings(EN.survey()).is_empty());
        assert_eq!(both(&EN, &EN_APP).len(), both(&PL, &PL_APP).len());
    }

    #[test]
    fn polish_uses_the_same_placeholders_as_english() {
        for ((k, en), (_, pl)) in both(&EN, &EN_APP).iter().zip(both(&PL, &PL_APP).iter()) {
            let holes = |s: &str| {
                let mut h: Vec<String> = s
                    .split('{')
                    .skip(1)
                    .filter_map(|p| p.split_once('}'))
                    .map(|(a, _)| a.to_owned())
                    .collect();
                h.sort();
                h
            };
            assert_eq!(holes(en), holes(pl), "placeholders differ in {k}");
        }
    }

    #[test]
    fn polish_is_translated() {
        // Identical strings are allowed only where the words are the same in both languages.
        let same_ok = [
            "{what}: {error}",
            "Moderator",
            "Gromada",
            "Status",
            "CSAT",
            "DAU",
            "WAU",
            "MAU",
            "—",
            "{n} min",
        ];
        let untranslated: Vec<_> = both(&EN, &EN_APP)
            .into_iter()
            .zip(both(&PL, &PL_APP))
            .filter(|((_, en), (_, pl))| en == pl && !same_ok.iter().any(|s| en.contains(s)))
            .map(|((k, _), _)| k)
            .collect();
        assert!(untranslated.is_empty(), "not translated: {untranslated:?}");
    }

    #[test]
    fn polish_plurals() {
        let p = PL.board().votes;
        assert_eq!(p.pick(Locale::Pl, 1), "głos");
        assert_eq!(p.pick(Locale::Pl, 3), "głosy");
        assert_eq!(p.pick(Locale::Pl, 5), "głosów");
        assert_eq!(p.pick(Locale::Pl, 112), "głosów");
        assert_eq!(p.pick(Locale::Pl, 1_002), "głosy");
    }
}
