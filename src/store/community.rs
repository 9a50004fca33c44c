//! Community operations: each user action (post, comment, vote, change a status, merge,
//! publish the changelog, report, moderate, configure) as one function that checks the
//! domain rules, then writes through any [`Store`], logging moderator decisions. The UI
//! calls these; native tests run them against the memory store.

use crate::domain::board::Board;
use crate::domain::changelog::{self, ChangelogEntry};
use crate::domain::comment::{self, Comment};
use crate::domain::error::DomainError;
use crate::domain::idea::{self, Idea, IdeaDraft, PostContext, Visibility};
use crate::domain::ids::*;
use crate::domain::member::{Actor, Viewer};
use crate::domain::merge;
use crate::domain::moderation::{
    CommunitySettings, Decision, ModLogEntry, PostRef, Report, ReportReason, COMMUNITY_SETTINGS_ID,
};
use crate::domain::permissions::{require, Action};
use crate::domain::survey::{self, Answer, PublishedSummary, Response, Survey};
use crate::domain::time::Timestamp;
use crate::domain::vote::{self, Vote};
use crate::store::{Collection, Query, Store, StoreError, StoreExt};
use std::collections::BTreeMap;
use std::rc::Rc;

/// Why an operation did not happen.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum OpError {
    /// A community rule was not met.
    #[error(transparent)]
    Rule(#[from] DomainError),
    /// Storage failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Operations performed by `viewer` at `now`, writing through `store`. `new_id` makes
/// fresh ids (UUID v7 in the browser, counters in tests).
#[derive(Clone)]
pub struct Community {
    /// The store.
    pub store: Rc<dyn Store>,
    /// Who acts.
    pub viewer: Viewer,
    /// Now.
    pub now: Timestamp,
    /// Makes a new id.
    pub new_id: Rc<dyn Fn() -> String>,
}

impl Community {
    /// The community's moderation settings (defaults when none are stored).
    pub async fn settings(&self) -> Result<CommunitySettings, StoreError> {
        Ok(self
            .store
            .get_as::<CommunitySettings>(COMMUNITY_SETTINGS_ID)
            .await?
            .unwrap_or_default())
    }

    /// When the viewer posted or commented on `board` in the last day (for slow mode).
    async fn recent_posts(&self, board: &BoardId) -> Result<Vec<Timestamp>, StoreError> {
        let since = self.now.plus_days(-1);
        let me = self.viewer.actor.key();
        let q = Query::all()
            .eq("board_id", board.as_str())
            .eq("author", me.as_str());
        let mut out: Vec<Timestamp> = self
            .store
            .list_as::<Idea>(&q)
            .await?
            .items
            .iter()
            .map(|i| i.created_at)
            .collect();
        out.extend(
            self.store
                .list_as::<Comment>(&q)
                .await?
                .items
                .iter()
                .map(|c| c.created_at),
        );
        out.retain(|t| *t >= since);
        Ok(out)
    }

    async fn log(
        &self,
        post: Option<PostRef>,
        board: Option<BoardId>,
        decision: Decision,
        note: &str,
    ) -> Result<(), StoreError> {
        let entry = ModLogEntry {
            id: ModLogId((self.new_id)()),
            post,
            board_id: board,
            decision,
            by: self.viewer.actor.clone(),
            at: self.now,
            note: note.to_owned(),
            version: 0,
        };
        self.store.create_as(&entry).await.map(|_| ())
    }

    async fn idea(&self, id: &IdeaId) -> Result<Idea, OpError> {
        self.store
            .get_as::<Idea>(id.as_str())
            .await?
            .ok_or_else(|| {
                DomainError::NotFound {
                    what: format!("idea {id}"),
                }
                .into()
            })
    }

    async fn board(&self, id: &BoardId) -> Result<Board, OpError> {
        self.store
            .get_as::<Board>(id.as_str())
            .await?
            .ok_or_else(|| {
                DomainError::NotFound {
                    what: format!("board {id}"),
                }
                .into()
            })
    }

    /// Posts an idea; it may wait for approval (see its visibility).
    pub async fn post_idea(&self, board: &Board, draft: &IdeaDraft) -> Result<Idea, OpError> {
        let settings = self.settings().await?;
        let recent = self.recent_posts(&board.id).await?;
        let ctx = PostContext {
            board,
            settings: &settings,
            viewer: &self.viewer,
            recent: &recent,
            now: self.now,
        };
        let idea = idea::submit(&ctx, draft, IdeaId((self.new_id)()))?;
        Ok(self.store.create_as(&idea).await?)
    }

    /// Edits an idea (its author or a moderator).
    pub async fn edit_idea(&self, idea: &Idea, draft: &IdeaDraft) -> Result<Idea, OpError> {
        let board = self.board(&idea.board_id).await?;
        let settings = self.settings().await?;
        let ctx = PostContext {
            board: &board,
            settings: &settings,
            viewer: &self.viewer,
            recent: &[],
            now: self.now,
        };
        let edited = idea::edit(idea, &ctx, draft)?;
        let saved = self.store.update_as(&edited).await?;
        if idea.author != self.viewer.actor {
            self.log(
                Some(PostRef::Idea(idea.id.clone())),
                Some(idea.board_id.clone()),
                Decision::Edit,
                "",
            )
            .await?;
        }
        Ok(saved)
    }

    /// Comments on an idea.
    pub async fn post_comment(&self, idea: &Idea, body: &str) -> Result<Comment, OpError> {
        let board = self.board(&idea.board_id).await?;
        let settings = self.settings().await?;
        let recent = self.recent_posts(&board.id).await?;
        let ctx = PostContext {
            board: &board,
            settings: &settings,
            viewer: &self.viewer,
            recent: &recent,
            now: self.now,
        };
        let comment = comment::submit(&ctx, idea, body, CommentId((self.new_id)()))?;
        Ok(self.store.create_as(&comment).await?)
    }

    /// Adds (`true`) or removes the viewer's vote. Exactly one vote per voter and idea:
    /// the id is derived, so a repeated add or remove changes nothing.
    pub async fn set_vote(
        &self,
        board: &Board,
        idea: &Idea,
        lane: crate::domain::board::Lane,
        add: bool,
        open_votes: u32,
    ) -> Result<(), OpError> {
        vote::check_vote(board, idea, lane, &self.viewer, add, open_votes)?;
        let v = Vote::new(&idea.id, &board.id, self.viewer.actor.clone(), self.now);
        let result = if add {
            self.store.create_as(&v).await.map(|_| ())
        } else {
            self.store
                .delete(Collection::Votes, v.id.as_str(), None)
                .await
        };
        match result {
            Ok(()) | Err(StoreError::AlreadyExists { .. }) | Err(StoreError::NotFound { .. }) => {
                Ok(())
            }
            Err(e) => Err(e.into()),
        }
    }

    /// Moves an idea to another status (recorded in its history and the log).
    pub async fn change_status(&self, idea: &Idea, to: &StatusId) -> Result<Idea, OpError> {
        let board = self.board(&idea.board_id).await?;
        let changed = idea::change_status(idea, &board, to, &self.viewer, self.now)?;
        if changed.status_id == idea.status_id {
            return Ok(idea.clone());
        }
        let saved = self.store.update_as(&changed).await?;
        self.log(
            Some(PostRef::Idea(idea.id.clone())),
            Some(idea.board_id.clone()),
            Decision::Status(idea.status_id.to_string(), to.to_string()),
            "",
        )
        .await?;
        Ok(saved)
    }

    /// Merges idea `from` into `into`: votes move without double counting, `from` keeps
    /// its comments and points to `into`.
    pub async fn merge(&self, from: &Idea, into: &Idea) -> Result<Idea, OpError> {
        let votes_from = self
            .store
            .list_as::<Vote>(&Query::all().eq("idea_id", from.id.as_str()))
            .await?
            .items;
        let votes_into = self
            .store
            .list_as::<Vote>(&Query::all().eq("idea_id", into.id.as_str()))
            .await?
            .items;
        let plan = merge::plan(from, into, &votes_from, &votes_into, &self.viewer, self.now)?;
        // Mark A first: from then on nobody can vote for it.
        let saved = self.store.update_as(&plan.from).await?;
        for v in &plan.new_votes {
            match self.store.create_as(v).await {
                Ok(_) | Err(StoreError::AlreadyExists { .. }) => {}
                Err(e) => return Err(e.into()),
            }
        }
        for id in &plan.removed_votes {
            match self
                .store
                .delete(Collection::Votes, id.as_str(), None)
                .await
            {
                Ok(()) | Err(StoreError::NotFound { .. }) => {}
                Err(e) => return Err(e.into()),
            }
        }
        self.log(
            Some(PostRef::Idea(from.id.clone())),
            Some(from.board_id.clone()),
            Decision::Merge(into.id.clone()),
            "",
        )
        .await?;
        Ok(saved)
    }

    /// Publishes a changelog entry for shipped ideas, thanking their authors and voters.
    pub async fn publish_changelog(
        &self,
        board: &Board,
        title: &str,
        body: &str,
        ideas: &[Idea],
    ) -> Result<ChangelogEntry, OpError> {
        require(self.viewer.role, Action::PublishChangelog)?;
        let refs: Vec<&Idea> = ideas.iter().collect();
        changelog::validate(title, body, &refs, |i| {
            board.status(&i.status_id).is_some_and(|s| s.shipped)
        })?;
        let mut votes = Vec::new();
        for i in ideas {
            votes.extend(
                self.store
                    .list_as::<Vote>(&Query::all().eq("idea_id", i.id.as_str()))
                    .await?
                    .items,
            );
        }
        let entry = ChangelogEntry {
            id: ChangelogId((self.new_id)()),
            board_id: board.id.clone(),
            title: crate::domain::text::single_line(title),
            body: body.trim().to_owned(),
            idea_ids: ideas.iter().map(|i| i.id.clone()).collect(),
            contributors: changelog::contributors(&refs, &votes),
            published_at: self.now,
            published_by: self.viewer.actor.clone(),
            version: 0,
        };
        let saved = self.store.create_as(&entry).await?;
        for i in ideas {
            let mut shipped = self.idea(&i.id).await?;
            shipped.shipped_in = Some(saved.id.clone());
            self.store.update_as(&shipped).await?;
        }
        Ok(saved)
    }

    /// Reports a post. Reporting twice is one report; enough distinct reports hide the
    /// post until a moderator decides.
    pub async fn report(
        &self,
        post: PostRef,
        board: &BoardId,
        reason: ReportReason,
        note: &str,
    ) -> Result<(), OpError> {
        let mut errors = Vec::new();
        crate::domain::error::check_len("note", note, 0, 500, &mut errors);
        if !errors.is_empty() {
            return Err(DomainError::Invalid(errors).into());
        }
        let report = Report {
            id: Report::id_for(&post, &self.viewer.actor),
            post: post.clone(),
            board_id: board.clone(),
            reason,
            note: note.trim().to_owned(),
            by: self.viewer.actor.clone(),
            at: self.now,
            resolved: false,
            version: 0,
        };
        match self.store.create_as(&report).await {
            Ok(_) | Err(StoreError::AlreadyExists { .. }) => {}
            Err(e) => return Err(e.into()),
        }
        let settings = self.settings().await?;
        let open = self
            .store
            .list_as::<Report>(&Query::all().eq("board_id", board.as_str()))
            .await?
            .items
            .into_iter()
            .filter(|r| r.post == post && !r.resolved)
            .count() as u32;
        if open >= settings.reports_to_hide.max(1) {
            self.set_visibility(
                &post,
                Visibility::Pending(crate::domain::idea::HoldReason::Reported),
            )
            .await?;
        }
        Ok(())
    }

    async fn set_visibility(&self, post: &PostRef, visibility: Visibility) -> Result<(), OpError> {
        match post {
            PostRef::Idea(id) => {
                let mut i = self.idea(id).await?;
                if i.visibility != visibility {
                    i.visibility = visibility;
                    self.store.update_as(&i).await?;
                }
            }
            PostRef::Comment(id, _) => {
                let mut c = self
                    .store
                    .get_as::<Comment>(id.as_str())
                    .await?
                    .ok_or_else(|| DomainError::NotFound {
                        what: format!("comment {id}"),
                    })?;
                if c.visibility != visibility {
                    c.visibility = visibility;
                    self.store.update_as(&c).await?;
                }
            }
        }
        Ok(())
    }

    /// A moderator's decision on a post in the queue: approve, reject or dismiss its
    /// reports. Open reports on it are resolved; the decision is logged.
    pub async fn decide(
        &self,
        post: &PostRef,
        board: &BoardId,
        decision: Decision,
        note: &str,
    ) -> Result<(), OpError> {
        require(self.viewer.role, Action::Moderate)?;
        match decision {
            Decision::Approve | Decision::DismissReports => {
                self.set_visibility(post, Visibility::Published).await?
            }
            Decision::Reject => self.set_visibility(post, Visibility::Rejected).await?,
            _ => {
                return Err(
                    DomainError::Invalid(vec![crate::domain::error::FieldError::new(
                        "decision",
                        crate::domain::error::Problem::Invalid {
                            expected: "approve, reject or dismiss".into(),
                        },
                    )])
                    .into(),
                )
            }
        }
        for mut r in self
            .store
            .list_as::<Report>(&Query::all().eq("board_id", board.as_str()))
            .await?
            .items
        {
            if &r.post == post && !r.resolved {
                r.resolved = true;
                self.store.update_as(&r).await?;
            }
        }
        self.log(Some(post.clone()), Some(board.clone()), decision, note)
            .await?;
        Ok(())
    }

    /// A moderator edits a comment's text (e.g. to remove a slur before approving).
    pub async fn edit_comment(&self, comment: &Comment, body: &str) -> Result<Comment, OpError> {
        let is_author = comment.author == self.viewer.actor;
        if !is_author {
            require(self.viewer.role, Action::Moderate)?;
        }
        let errors = comment::validate_body(body);
        if !errors.is_empty() {
            return Err(DomainError::Invalid(errors).into());
        }
        let mut edited = comment.clone();
        edited.body = body.replace("\r\n", "\n").trim().to_owned();
        let saved = self.store.update_as(&edited).await?;
        if !is_author {
            self.log(
                Some(PostRef::Comment(
                    comment.id.clone(),
                    comment.idea_id.clone(),
                )),
                Some(comment.board_id.clone()),
                Decision::Edit,
                "",
            )
            .await?;
        }
        Ok(saved)
    }

    /// Saves the community settings (word filter, link rule).
    pub async fn save_settings(
        &self,
        settings: &CommunitySettings,
    ) -> Result<CommunitySettings, OpError> {
        require(self.viewer.role, Action::Moderate)?;
        let mut s = settings.clone();
        s.id = COMMUNITY_SETTINGS_ID.into();
        for words in s.word_filter.values_mut() {
            *words = words
                .iter()
                .map(|w| w.trim().to_owned())
                .filter(|w| !w.is_empty())
                .collect();
            words.sort();
            words.dedup();
        }
        let saved = if s.version == 0 {
            match self.store.create_as(&s).await {
                Ok(saved) => saved,
                Err(StoreError::AlreadyExists { collection, id }) => {
                    return Err(StoreError::Conflict {
                        collection,
                        id,
                        expected: 0,
                        actual: 1,
                    }
                    .into())
                }
                Err(e) => return Err(e.into()),
            }
        } else {
            self.store.update_as(&s).await?
        };
        self.log(None, None, Decision::WordFilter, "").await?;
        Ok(saved)
    }

    /// Creates a board (`board.version` 0) or saves its settings.
    pub async fn save_board(&self, board: &Board) -> Result<Board, OpError> {
        require(self.viewer.role, Action::ConfigureBoards)?;
        let mut errors = board.validate();
        let same_slug = self
            .store
            .list_as::<Board>(&Query::all().eq("slug", board.slug.as_str()))
            .await?
            .items;
        if same_slug.iter().any(|b| b.id != board.id) {
            errors.push(crate::domain::error::FieldError::new(
                "slug",
                crate::domain::error::Problem::Taken,
            ));
        }
        if !errors.is_empty() {
            return Err(DomainError::Invalid(errors).into());
        }
        Ok(if board.version == 0 {
            self.store.create_as(board).await?
        } else {
            self.store.update_as(board).await?
        })
    }

    /// After signing in on a device that voted anonymously: those votes become the member's.
    pub async fn claim_device_votes(&self, device: &DeviceId) -> Result<usize, OpError> {
        let Actor::Member(member) = &self.viewer.actor else {
            return Ok(0);
        };
        let device_key = Actor::Device(device.clone()).key();
        let device_votes = self
            .store
            .list_as::<Vote>(&Query::all().eq("voter", device_key.as_str()))
            .await?
            .items;
        if device_votes.is_empty() {
            return Ok(0);
        }
        let mine = self
            .store
            .list_as::<Vote>(&Query::all().eq("voter", self.viewer.actor.key().as_str()))
            .await?
            .items;
        let (create, delete) = vote::claim_device_votes(&device_votes, member, &mine);
        for v in &create {
            match self.store.create_as(v).await {
                Ok(_) | Err(StoreError::AlreadyExists { .. }) => {}
                Err(e) => return Err(e.into()),
            }
        }
        for id in &delete {
            match self
                .store
                .delete(Collection::Votes, id.as_str(), None)
                .await
            {
                Ok(()) | Err(StoreError::NotFound { .. }) => {}
                Err(e) => return Err(e.into()),
            }
        }
        Ok(delete.len())
    }

    /// The viewer's response to `wave`, if they answered it (anonymous surveys: this device's).
    pub async fn my_response(
        &self,
        survey: &Survey,
        wave: u32,
    ) -> Result<Option<Response>, OpError> {
        let id = survey::response_id(&survey.id, wave, &self.viewer.actor, survey.anonymous);
        Ok(self.store.get_as::<Response>(id.as_str()).await?)
    }

    /// Answers the open wave of `survey` (or edits the answer given to it before). One
    /// response per member (or device, for anonymous surveys) and wave; anonymous
    /// responses carry no member id. Closed waves take no answers.
    pub async fn answer(
        &self,
        survey: &Survey,
        answers: &BTreeMap<QuestionId, Answer>,
    ) -> Result<Response, OpError> {
        let Some((wave, true)) = survey.schedule.wave_at(self.now) else {
            return Err(DomainError::VotingClosed.into());
        };
        if !survey.anonymous && self.viewer.actor.is_anonymous() {
            return Err(DomainError::SignInRequired.into());
        }
        let cleaned = survey::check_response(survey, answers).map_err(DomainError::Invalid)?;
        let id = survey::response_id(&survey.id, wave, &self.viewer.actor, survey.anonymous);
        let respondent = if survey.anonymous {
            None
        } else {
            self.viewer.actor.member().cloned()
        };
        match self.store.get_as::<Response>(id.as_str()).await? {
            Some(mut existing) => {
                existing.answers = cleaned;
                existing.updated_at = Some(self.now);
                Ok(self.store.update_as(&existing).await?)
            }
            None => {
                let r = Response {
                    id,
                    survey_id: survey.id.clone(),
                    wave,
                    respondent,
                    answers: cleaned,
                    submitted_at: self.now,
                    updated_at: None,
                    version: 0,
                };
                match self.store.create_as(&r).await {
                    Ok(saved) => Ok(saved),
                    // Two tabs submitting at once: the second becomes an edit.
                    Err(StoreError::AlreadyExists { .. }) => {
                        let mut existing = self
                            .store
                            .get_as::<Response>(r.id.as_str())
                            .await?
                            .ok_or_else(|| DomainError::NotFound {
                                what: "your response".into(),
                            })?;
                        existing.answers = r.answers;
                        existing.updated_at = Some(self.now);
                        Ok(self.store.update_as(&existing).await?)
                    }
                    Err(e) => Err(e.into()),
                }
            }
        }
    }

    /// Creates (`version` 0) or saves a survey definition.
    pub async fn save_survey(&self, s: &Survey) -> Result<Survey, OpError> {
        require(self.viewer.role, Action::ManageSurveys)?;
        let errors = survey::validate_survey(s);
        if !errors.is_empty() {
            return Err(DomainError::Invalid(errors).into());
        }
        Ok(if s.version == 0 {
            self.store.create_as(s).await?
        } else {
            self.store.update_as(s).await?
        })
    }

    /// Publishes a results summary of `wave` with what will be done about it.
    pub async fn publish_summary(
        &self,
        s: &Survey,
        wave: u32,
        summary: &str,
        actions: &str,
    ) -> Result<Survey, OpError> {
        require(self.viewer.role, Action::ManageSurveys)?;
        let mut errors = Vec::new();
        crate::domain::error::check_len("summary", summary, 10, 3_000, &mut errors);
        crate::domain::error::check_len("actions", actions, 0, 3_000, &mut errors);
        if !errors.is_empty() {
            return Err(DomainError::Invalid(errors).into());
        }
        let mut updated = s.clone();
        updated.published.retain(|p| p.wave != wave);
        updated.published.push(PublishedSummary {
            wave,
            summary: summary.trim().to_owned(),
            actions: actions.trim().to_owned(),
            published_at: self.now,
        });
        updated.published.sort_by_key(|p| p.wave);
        Ok(self.store.update_as(&updated).await?)
    }

    /// Answers one question of the open wave (the pulse widget): merged into the
    /// respondent's response for that wave, other answers kept.
    pub async fn answer_one(
        &self,
        s: &Survey,
        question: &QuestionId,
        answer: Answer,
    ) -> Result<Response, OpError> {
        let q = s
            .questions
            .iter()
            .find(|q| &q.id == question)
            .ok_or_else(|| DomainError::NotFound {
                what: format!("question {question}"),
            })?;
        let single = Survey {
            questions: vec![survey::Question {
                show_if: None,
                ..q.clone()
            }],
            ..s.clone()
        };
        let one: BTreeMap<QuestionId, Answer> = [(question.clone(), answer)].into_iter().collect();
        let checked = survey::check_response(&single, &one).map_err(DomainError::Invalid)?;
        let Some((wave, true)) = s.schedule.wave_at(self.now) else {
            return Err(DomainError::VotingClosed.into());
        };
        let mut merged = self
            .my_response(s, wave)
            .await?
            .map(|r| r.answers)
            .unwrap_or_default();
        merged.extend(checked);
        // Other questions may be required: the pulse stores what was answered.
        let relaxed = Survey {
            questions: s
                .questions
                .iter()
                .map(|q| survey::Question {
                    required: false,
                    ..q.clone()
                })
                .collect(),
            ..s.clone()
        };
        self.answer(&relaxed, &merged).await
    }
}
