//! Ideas: what members propose on a board, with their status history, moderation
//! state, merge and shipping records, and the validation of what members type.

use crate::domain::error::{check_len, FieldError};
use crate::domain::ids::{BoardId, CategoryId, ChangelogId, IdeaId, StatusId};
use crate::domain::member::Actor;
use crate::domain::time::Timestamp;
use serde::{Deserialize, Serialize};

/// Title length limits, in characters, after trimming.
pub const TITLE_MIN: usize = 3;
/// See [`TITLE_MIN`].
pub const TITLE_MAX: usize = 120;
/// Description limit, in characters.
pub const DESCRIPTION_MAX: usize = 5_000;

/// Whether a post is visible.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Visibility {
    /// Visible to everyone.
    #[default]
    Published,
    /// Waiting in the approval queue.
    Pending(HoldReason),
    /// Rejected by a moderator; visible only to its author and staff.
    Rejected,
}

impl Visibility {
    /// Whether everyone sees it.
    pub fn is_published(&self) -> bool {
        matches!(self, Visibility::Published)
    }
}

/// Why a post waits for approval.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HoldReason {
    /// The board approves every post.
    BoardApproval,
    /// It contains a word from the filter.
    WordFilter(String),
    /// It is mostly a link without context.
    BareLink,
    /// Members reported it.
    Reported,
}

/// One change of an idea's status.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusChange {
    /// Previous status.
    pub from: StatusId,
    /// New status.
    pub to: StatusId,
    /// Who changed it.
    pub by: Actor,
    /// When.
    pub at: Timestamp,
}

/// An idea on a board.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Idea {
    /// Id.
    pub id: IdeaId,
    /// Board.
    pub board_id: BoardId,
    /// Title (single line, 3–120 characters).
    pub title: String,
    /// Description: plain text, paragraphs separated by blank lines.
    #[serde(default)]
    pub description: String,
    /// Category.
    #[serde(default)]
    pub category_id: Option<CategoryId>,
    /// Author.
    pub author: Actor,
    /// Posted.
    pub created_at: Timestamp,
    /// Current status.
    pub status_id: StatusId,
    /// Status changes, oldest first.
    #[serde(default)]
    pub status_history: Vec<StatusChange>,
    /// Moderation state.
    #[serde(default)]
    pub visibility: Visibility,
    /// When merged into another idea: that idea.
    #[serde(default)]
    pub merged_into: Option<IdeaId>,
    /// The changelog entry that announced it shipped.
    #[serde(default)]
    pub shipped_in: Option<ChangelogId>,
    /// Optimistic-concurrency version (set by the store).
    #[serde(default)]
    pub version: u64,
}

/// What a member types to propose an idea.
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct IdeaDraft {
    /// Title.
    pub title: String,
    /// Description.
    pub description: String,
    /// Category.
    pub category_id: Option<CategoryId>,
}

impl IdeaDraft {
    /// Checks the draft; the title is judged after trimming and collapsing whitespace.
    ///
    /// ```
    /// use gromada::domain::idea::IdeaDraft;
    /// let d = IdeaDraft { title: "  ok ".into(), ..Default::default() };
    /// assert_eq!(d.validate()[0].field, "title");
    /// ```
    pub fn validate(&self) -> Vec<FieldError> {
        let mut errors = Vec::new();
        check_len(
            "title",
            &crate::domain::text::single_line(&self.title),
            TITLE_MIN,
            TITLE_MAX,
            &mut errors,
        );
        check_len(
            "description",
            &self.description,
            0,
            DESCRIPTION_MAX,
            &mut errors,
        );
        errors
    }

    /// The title as stored: trimmed, single line.
    pub fn clean_title(&self) -> String {
        crate::domain::text::single_line(&self.title)
    }

    /// The description as stored: trimmed, Windows newlines normalised.
    pub fn clean_description(&self) -> String {
        self.description.replace("\r\n", "\n").trim().to_owned()
    }
}

/// What a new or edited post is judged against.
pub struct PostContext<'a> {
    /// The board.
    pub board: &'a crate::domain::board::Board,
    /// Community moderation settings.
    pub settings: &'a crate::domain::moderation::CommunitySettings,
    /// Who posts.
    pub viewer: &'a crate::domain::member::Viewer,
    /// When the viewer posted (ideas and comments) on this board recently, for slow mode.
    pub recent: &'a [Timestamp],
    /// Now.
    pub now: Timestamp,
}

impl PostContext<'_> {
    /// Posting rules shared by ideas and comments: who may post, and slow mode (staff are
    /// exempt from slow mode).
    pub fn check_may_post(&self) -> Result<(), crate::domain::error::DomainError> {
        use crate::domain::board::Posting;
        if self.board.settings.posting == Posting::Members && self.viewer.actor.is_anonymous() {
            return Err(crate::domain::error::DomainError::SignInRequired);
        }
        if !self.viewer.role.is_staff() {
            crate::domain::moderation::check_slow_mode(
                self.board.settings.slow_mode,
                self.recent,
                self.now,
            )?;
        }
        Ok(())
    }

    /// The visibility a new post from the viewer gets: staff publish at once; others may
    /// be held by the board's approval setting, the word filter or the bare-link rule.
    pub fn visibility_for(&self, text: &str) -> Visibility {
        if self.viewer.role.is_staff() {
            return Visibility::Published;
        }
        match crate::domain::moderation::hold_reason(self.board, self.settings, text) {
            Some(reason) => Visibility::Pending(reason),
            None => Visibility::Published,
        }
    }
}

/// Checks a draft against the board (category must exist).
fn validate_for_board(
    draft: &IdeaDraft,
    board: &crate::domain::board::Board,
) -> Result<(), crate::domain::error::DomainError> {
    let mut errors = draft.validate();
    if let Some(c) = &draft.category_id {
        if board.category(c).is_none() {
            errors.push(FieldError::new(
                "category",
                crate::domain::error::Problem::Invalid {
                    expected: "one of the board's categories".into(),
                },
            ));
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(crate::domain::error::DomainError::Invalid(errors))
    }
}

/// A new idea from `draft`, or why it cannot be posted.
pub fn submit(
    ctx: &PostContext,
    draft: &IdeaDraft,
    id: IdeaId,
) -> Result<Idea, crate::domain::error::DomainError> {
    ctx.check_may_post()?;
    validate_for_board(draft, ctx.board)?;
    let status =
        ctx.board
            .initial_status()
            .ok_or_else(|| crate::domain::error::DomainError::NotFound {
                what: "an open status on this board".into(),
            })?;
    let title = draft.clean_title();
    let description = draft.clean_description();
    Ok(Idea {
        id,
        board_id: ctx.board.id.clone(),
        visibility: ctx.visibility_for(&format!("{title}\n{description}")),
        title,
        description,
        category_id: draft.category_id.clone(),
        author: ctx.viewer.actor.clone(),
        created_at: ctx.now,
        status_id: status.id.clone(),
        status_history: Vec::new(),
        merged_into: None,
        shipped_in: None,
        version: 0,
    })
}

/// The idea edited by its author or a moderator. A member's edit is checked by the word
/// filter and link rule again (so an approved idea cannot be edited into spam).
pub fn edit(
    idea: &Idea,
    ctx: &PostContext,
    draft: &IdeaDraft,
) -> Result<Idea, crate::domain::error::DomainError> {
    let is_author = idea.author == ctx.viewer.actor;
    if !is_author {
        crate::domain::permissions::require(
            ctx.viewer.role,
            crate::domain::permissions::Action::Moderate,
        )?;
    }
    validate_for_board(draft, ctx.board)?;
    let mut out = idea.clone();
    out.title = draft.clean_title();
    out.description = draft.clean_description();
    out.category_id = draft.category_id.clone();
    if is_author && !ctx.viewer.role.is_staff() && out.visibility.is_published() {
        let text = format!("{}\n{}", out.title, out.description);
        if let Some(reason) = crate::domain::moderation::hold_reason(ctx.board, ctx.settings, &text)
            .filter(|r| !matches!(r, HoldReason::BoardApproval))
        {
            out.visibility = Visibility::Pending(reason);
        }
    }
    Ok(out)
}

/// The idea moved to status `to` by `viewer` at `now` (recorded in its history).
pub fn change_status(
    idea: &Idea,
    board: &crate::domain::board::Board,
    to: &StatusId,
    viewer: &crate::domain::member::Viewer,
    now: Timestamp,
) -> Result<Idea, crate::domain::error::DomainError> {
    crate::domain::permissions::require(
        viewer.role,
        crate::domain::permissions::Action::ChangeStatus,
    )?;
    if board.status(to).is_none() {
        return Err(crate::domain::error::DomainError::NotFound {
            what: format!("status {to}"),
        });
    }
    let mut out = idea.clone();
    if &idea.status_id != to {
        out.status_history.push(StatusChange {
            from: idea.status_id.clone(),
            to: to.clone(),
            by: viewer.actor.clone(),
            at: now,
        });
        out.status_id = to.clone();
    }
    Ok(out)
}

#[cfg(test)]
mod ops_tests {
    use super::*;
    use crate::domain::board::{Board, BoardSettings, Moderation, Posting, SlowMode};
    use crate::domain::error::DomainError;
    use crate::domain::ids::*;
    use crate::domain::member::{Role, Viewer};
    use crate::domain::moderation::CommunitySettings;

    fn board(settings: BoardSettings) -> Board {
        Board {
            id: BoardId::from("b"),
            slug: "b".into(),
            name: "B".into(),
            description: String::new(),
            categories: vec![crate::domain::board::Category {
                id: CategoryId::from("app"),
                name: "App".into(),
            }],
            statuses: Board::default_statuses(),
            settings,
            created_at: Timestamp(0),
            version: 1,
        }
    }

    fn viewer(role: Role) -> Viewer {
        Viewer {
            actor: Actor::Member(MemberId::from("m1")),
            role,
            device: DeviceId::from("d"),
        }
    }

    fn draft(title: &str) -> IdeaDraft {
        IdeaDraft {
            title: title.into(),
            description: "Because.\r\n\r\nReally.".into(),
            category_id: Some(CategoryId::from("app")),
        }
    }

    #[test]
    fn submit_cleans_text_and_starts_open() {
        let (b, s, v) = (
            board(BoardSettings::default()),
            CommunitySettings::default(),
            viewer(Role::Member),
        );
        let ctx = PostContext {
            board: &b,
            settings: &s,
            viewer: &v,
            recent: &[],
            now: Timestamp(5),
        };
        let idea = submit(&ctx, &draft("  Dark\n mode  "), IdeaId::from("i")).unwrap();
        assert_eq!(idea.title, "Dark mode");
        assert_eq!(idea.description, "Because.\n\nReally.");
        assert_eq!(idea.status_id.as_str(), "open");
        assert!(idea.visibility.is_published());
    }

    #[test]
    fn submit_enforces_posting_validation_slow_mode_and_approval() {
        let s = CommunitySettings::default();
        let members_only = board(BoardSettings {
            posting: Posting::Members,
            ..Default::default()
        });
        let anon = Viewer::anonymous(DeviceId::from("d"));
        let ctx = PostContext {
            board: &members_only,
            settings: &s,
            viewer: &anon,
            recent: &[],
            now: Timestamp(0),
        };
        assert_eq!(
            submit(&ctx, &draft("Dark mode"), IdeaId::from("i")),
            Err(DomainError::SignInRequired)
        );

        let v = viewer(Role::Member);
        let open = board(BoardSettings::default());
        let ctx = PostContext {
            board: &open,
            settings: &s,
            viewer: &v,
            recent: &[],
            now: Timestamp(0),
        };
        let err = submit(&ctx, &draft("ab"), IdeaId::from("i")).unwrap_err();
        assert_eq!(err.field_errors()[0].field, "title");
        let long = IdeaDraft {
            title: "x".repeat(121),
            ..draft("")
        };
        assert!(submit(&ctx, &long, IdeaId::from("i")).is_err());
        let bad_category = IdeaDraft {
            category_id: Some(CategoryId::from("nope")),
            ..draft("Dark mode")
        };
        assert_eq!(
            submit(&ctx, &bad_category, IdeaId::from("i"))
                .unwrap_err()
                .field_errors()[0]
                .field,
            "category"
        );

        let slow = board(BoardSettings {
            slow_mode: Some(SlowMode {
                max_posts: 1,
                minutes: 5,
            }),
            ..Default::default()
        });
        let recent = [Timestamp(0)];
        let ctx = PostContext {
            board: &slow,
            settings: &s,
            viewer: &v,
            recent: &recent,
            now: Timestamp(60_000),
        };
        assert_eq!(
            submit(&ctx, &draft("Dark mode"), IdeaId::from("i")),
            Err(DomainError::SlowMode { wait_s: 240 })
        );
        let staff = viewer(Role::Moderator);
        let ctx = PostContext {
            board: &slow,
            settings: &s,
            viewer: &staff,
            recent: &recent,
            now: Timestamp(60_000),
        };
        assert!(
            submit(&ctx, &draft("Dark mode"), IdeaId::from("i")).is_ok(),
            "staff are exempt from slow mode"
        );

        let approve = board(BoardSettings {
            moderation: Moderation::Approve,
            ..Default::default()
        });
        let ctx = PostContext {
            board: &approve,
            settings: &s,
            viewer: &v,
            recent: &[],
            now: Timestamp(0),
        };
        let held = submit(&ctx, &draft("Dark mode"), IdeaId::from("i")).unwrap();
        assert_eq!(
            held.visibility,
            Visibility::Pending(HoldReason::BoardApproval)
        );
    }

    #[test]
    fn status_changes_need_a_moderator_and_are_recorded() {
        let b = board(BoardSettings::default());
        let s = CommunitySettings::default();
        let v = viewer(Role::Member);
        let ctx = PostContext {
            board: &b,
            settings: &s,
            viewer: &v,
            recent: &[],
            now: Timestamp(0),
        };
        let idea = submit(&ctx, &draft("Dark mode"), IdeaId::from("i")).unwrap();
        assert!(matches!(
            change_status(&idea, &b, &StatusId::from("planned"), &v, Timestamp(9)),
            Err(DomainError::Forbidden { .. })
        ));
        let m = viewer(Role::Moderator);
        let moved = change_status(&idea, &b, &StatusId::from("planned"), &m, Timestamp(9)).unwrap();
        assert_eq!(moved.status_id.as_str(), "planned");
        assert_eq!(moved.status_history.len(), 1);
        assert_eq!(moved.status_history[0].from.as_str(), "open");
        assert!(change_status(&idea, &b, &StatusId::from("nope"), &m, Timestamp(9)).is_err());
    }

    #[test]
    fn authors_edits_are_filtered_again() {
        let b = board(BoardSettings::default());
        let mut s = CommunitySettings::default();
        s.word_filter
            .insert(crate::domain::locale::Locale::En, vec!["casino".into()]);
        let v = viewer(Role::Member);
        let ctx = PostContext {
            board: &b,
            settings: &s,
            viewer: &v,
            recent: &[],
            now: Timestamp(0),
        };
        let idea = submit(&ctx, &draft("Dark mode"), IdeaId::from("i")).unwrap();
        let edited = edit(
            &idea,
            &ctx,
            &IdeaDraft {
                title: "Dark casino mode".into(),
                ..draft("")
            },
        )
        .unwrap();
        assert_eq!(
            edited.visibility,
            Visibility::Pending(HoldReason::WordFilter("casino".into()))
        );
        let other = Viewer {
            actor: Actor::Member(MemberId::from("m2")),
            ..viewer(Role::Member)
        };
        let ctx2 = PostContext {
            viewer: &other,
            ..ctx
        };
        assert!(matches!(
            edit(&idea, &ctx2, &draft("Hijack")),
            Err(DomainError::Forbidden { .. })
        ));
    }
}
