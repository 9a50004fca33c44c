//! The pure model of a Gromada community: boards, ideas, votes, surveys, activity,
//! configuration and the rules between them. No I/O, no browser APIs; tested natively.

pub mod activity;
pub mod board;
pub mod changelog;
pub mod comment;
pub mod config;
pub mod demo;
pub mod error;
pub mod export;
pub mod idea;
pub mod ids;
pub mod import;
pub mod locale;
pub mod lowercase;
pub mod member;
pub mod merge;
pub mod metrics;
pub mod moderation;
pub mod permissions;
pub mod ranking;
pub mod rng;
pub mod sentiment;
pub mod survey;
pub mod text;
pub mod time;
pub mod vote;
