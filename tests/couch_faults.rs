//! The fault-injection run of the REST store repeated against CouchDB: the offline outbox
//! over the CouchDB store talks to a real CouchDB-compatible server (pouchdb-server)
//! through an HTTP layer that fails a share of requests in every way a network and a
//! server can (500 pages, 429 with Retry-After, refused connections, timeouts, answers
//! lost after the server applied the write, truncated bodies, malformed JSON). Members
//! vote, unvote, edit and comment at random while faults come and go; once healed, the
//! database must hold exactly what the members saw (nothing lost, nothing twice), and the
//! board's tallies (the view the board lists from) must agree with the votes.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod backend;
mod http;
mod random_ops;

use async_trait::async_trait;
use futures::executor::block_on;
use gromada::domain::config::CouchConfig;
use gromada::domain::rng::Rng;
use gromada::store::couch::CouchStore;
use gromada::store::http::{Http, HttpError, HttpRequest, HttpResponse};
use gromada::store::outbox::{MemoryPersistence, OutboxStore};
use gromada::store::Store;
use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;
use std::rc::Rc;

const FAULTS: [&str; 7] = [
    "500",
    "429",
    "refuse",
    "timeout",
    "lost",
    "truncated",
    "malformed",
];

/// Real HTTP with faults injected into a share of the requests while `on`.
struct FaultyHttp {
    real: http::UreqHttp,
    rng: RefCell<Rng>,
    on: Cell<bool>,
    share: f64,
    counts: RefCell<BTreeMap<&'static str, u32>>,
}

impl FaultyHttp {
    fn count(&self, fault: &'static str) {
        *self.counts.borrow_mut().entry(fault).or_default() += 1;
    }
}

#[async_trait(?Send)]
impl Http for FaultyHttp {
    async fn send(&self, request: HttpRequest) -> Result<HttpResponse, HttpError> {
        let fault = {
            let mut rng = self.rng.borrow_mut();
            (self.on.get() && rng.chance(self.share))
                .then(|| FAULTS[rng.below(FAULTS.len() as u64) as usize])
        };
        let Some(fault) = fault else {
            self.count("passed");
            return self.real.send(request).await;
        };
        self.count(fault);
        let page = |status: u16, headers: Vec<(String, String)>, body: &str| HttpResponse {
            status,
            headers,
            body: body.to_owned(),
        };
        match fault {
            "500" => Ok(page(
                500,
                vec![("content-type".into(), "text/html".into())],
                "<html><body><h1>Internal Server Error</h1></body></html>",
            )),
            "429" => Ok(page(
                429,
                vec![("retry-after".into(), "1".into())],
                "{\"error\":\"slow down\"}",
            )),
            "refuse" => Err(HttpError::Unreachable("connection refused".into())),
            "timeout" => Err(HttpError::Timeout(request.timeout_ms)),
            "lost" => {
                // The server applied it; the answer never arrives.
                let timeout = request.timeout_ms;
                let _ = self.real.send(request).await;
                Err(HttpError::Timeout(timeout))
            }
            "truncated" => {
                let mut r = self.real.send(request).await?;
                let mut half = r.body.len() / 2;
                while !r.body.is_char_boundary(half) {
                    half -= 1;
                }
                r.body.truncate(half);
                Ok(r)
            }
            _ => Ok(page(200, Vec::new(), "{\"id\": \"oops\", \"version\": ")),
        }
    }
}

#[test]
fn random_operations_under_faults_end_with_exactly_what_the_members_saw() {
    let server = backend::PouchServer::start();
    for seed in 1..=5u64 {
        let db = server.fresh_db(None);
        server.couch_setup(&db, None);
        let faulty = Rc::new(FaultyHttp {
            real: http::UreqHttp::new(),
            rng: RefCell::new(Rng::new(seed * 7919)),
            on: Cell::new(false),
            share: 0.4,
            counts: RefCell::new(BTreeMap::new()),
        });
        let mut config = CouchConfig::new(&server.url, &db);
        config.timeout_ms = 5_000;
        let couch = Rc::new(CouchStore::new(faulty.clone(), config).with_page_size(25));
        let clock = Rc::new(Cell::new(1_000_000u64));
        let keys = Rc::new(Cell::new(0u64));
        let c = clock.clone();
        let outbox = OutboxStore::new(
            couch,
            Rc::new(MemoryPersistence::default()),
            Rc::new(move || {
                keys.set(keys.get() + 1);
                format!("w{}", keys.get())
            }),
            Rc::new(move || c.get()),
        );
        let mut rng = Rng::new(seed);
        let mut seen = random_ops::Seen::default();
        block_on(async {
            for step in 0..300u32 {
                if step % 50 == 10 {
                    faulty.on.set(true);
                }
                if step % 50 == 40 {
                    faulty.on.set(false);
                }
                seen.step(&outbox, &mut rng, step).await;
                if rng.chance(0.3) {
                    clock.set(clock.get() + 70_000);
                    outbox.flush().await;
                }
            }
            faulty.on.set(false);
            clock.set(clock.get() + 70_000);
            let r = outbox.flush().await;
            assert_eq!(
                (r.failed, r.waiting),
                (0, 0),
                "seed {seed}: {:?}",
                outbox.status()
            );
            let counts = faulty.counts.borrow().clone();
            assert!(
                FAULTS
                    .iter()
                    .all(|f| counts.get(f).copied().unwrap_or(0) > 0),
                "seed {seed}: every kind of fault happened: {counts:?}"
            );

            // The database, read without faults or outbox.
            let clean = CouchStore::new(
                Rc::new(http::UreqHttp::new()),
                CouchConfig::new(&server.url, &db),
            );
            seen.assert_held_by(&clean, &format!("seed {seed}")).await;

            // The board's tallies agree with the votes, for the server and for the member.
            let mut per_idea: BTreeMap<String, u32> = BTreeMap::new();
            for (idea, on) in seen.votes.values() {
                if *on {
                    *per_idea.entry(idea.clone()).or_default() += 1;
                }
            }
            let tallies = outbox.board_tallies("b", "m:m1").await.unwrap().unwrap();
            let counted: BTreeMap<String, u32> = tallies
                .ideas
                .iter()
                .filter(|(_, t)| t.member_votes > 0)
                .map(|(idea, t)| (idea.clone(), t.member_votes))
                .collect();
            assert_eq!(counted, per_idea, "seed {seed}: tallies");
            let mine: Vec<String> = seen
                .votes_on()
                .iter()
                .filter(|id| id.ends_with(":m:m1"))
                .cloned()
                .collect();
            assert_eq!(
                random_ops::ids(&tallies.own_votes),
                mine,
                "seed {seed}: own votes"
            );
            eprintln!("seed {seed}: faults {counts:?}");
        });
    }
}
