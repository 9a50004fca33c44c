//! Real backends for native tests: json-server (scripts/backend/json-server.mjs) started
//! on a free port with a throw-away database, stopped when dropped.

#![allow(dead_code, clippy::expect_used)]

use std::net::TcpListener;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A running json-server.
pub struct JsonServer {
    child: Child,
    dir: PathBuf,
    /// `http://127.0.0.1:<port>`.
    pub url: String,
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free local port")
}

impl JsonServer {
    /// Starts json-server with an empty database and the test-only reset route.
    pub fn start() -> Self {
        let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
        assert!(
            root.join("node_modules/json-server").exists(),
            "node_modules/json-server is missing: run `./x setup` (it installs the npm packages from package-lock.json)"
        );
        let dir = std::env::temp_dir().join(format!(
            "gromada-json-server-{}-{}",
            std::process::id(),
            free_port()
        ));
        std::fs::create_dir_all(&dir).expect("a temporary directory");
        let port = free_port();
        let child = Command::new("node")
            .arg(root.join("scripts/backend/json-server.mjs"))
            .args([
                "--db",
                &dir.join("db.json").to_string_lossy(),
                "--port",
                &port.to_string(),
                "--test-reset",
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("node runs (install Node.js 20+)");
        let server = Self {
            child,
            dir,
            url: format!("http://127.0.0.1:{port}"),
        };
        let started = Instant::now();
        while ureq::get(&format!("{}/ideas", server.url)).call().is_err() {
            assert!(
                started.elapsed() < Duration::from_secs(20),
                "json-server did not start within 20 s"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        server
    }

    /// Empties every collection.
    pub fn reset(&self) {
        ureq::post(&format!("{}/__reset", self.url))
            .send_empty()
            .expect("json-server resets");
    }
}

impl Drop for JsonServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// A running pouchdb-server (CouchDB's HTTP API over PouchDB, in memory), started in a
/// throw-away directory (it writes its log and config there), stopped when dropped.
/// It starts in "admin party" mode: until [`PouchServer::add_admin`], everyone is admin.
pub struct PouchServer {
    child: Child,
    dir: PathBuf,
    /// `http://127.0.0.1:<port>`.
    pub url: String,
    databases: std::cell::Cell<u32>,
}

impl PouchServer {
    /// Starts pouchdb-server on a free port.
    pub fn start() -> Self {
        let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
        let bin = root.join("node_modules/.bin/pouchdb-server");
        assert!(
            bin.exists(),
            "node_modules/.bin/pouchdb-server is missing: run `./x setup` (it installs the npm packages from package-lock.json)"
        );
        let port = free_port();
        let dir =
            std::env::temp_dir().join(format!("gromada-pouchdb-{}-{port}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("a temporary directory");
        let child = Command::new(bin)
            .args([
                "--in-memory",
                "--no-stdout-logs",
                "--port",
                &port.to_string(),
                "--config",
                &dir.join("config.json").to_string_lossy(),
            ])
            .current_dir(&dir)
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("node runs (install Node.js 20+)");
        let server = Self {
            child,
            dir,
            url: format!("http://127.0.0.1:{port}"),
            databases: std::cell::Cell::new(0),
        };
        let started = Instant::now();
        while ureq::get(&server.url).call().is_err() {
            assert!(
                started.elapsed() < Duration::from_secs(30),
                "pouchdb-server did not start within 30 s"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        server
    }

    /// A new empty database's name (`t1`, `t2`, …), created as `admin` when given.
    pub fn fresh_db(&self, admin: Option<(&str, &str)>) -> String {
        let n = self.databases.get() + 1;
        self.databases.set(n);
        let name = format!("t{n}");
        self.call("PUT", &name, admin, None);
        name
    }

    /// Ends admin party: `name` becomes the server admin.
    pub fn add_admin(&self, name: &str, password: &str) {
        self.call(
            "PUT",
            &format!("_config/admins/{name}"),
            None,
            Some(serde_json::json!(password)),
        );
    }

    /// Creates a user whose name is a member id, with CouchDB roles.
    pub fn add_user(&self, admin: (&str, &str), name: &str, password: &str, roles: &[&str]) {
        self.call(
            "PUT",
            &format!("_users/org.couchdb.user:{name}"),
            Some(admin),
            Some(serde_json::json!({"name": name, "password": password, "roles": roles, "type": "user"})),
        );
    }

    /// Sets up database `db` with the documented command (`node scripts/couch/setup.mjs`),
    /// as an operator runs it (with `admin`'s credentials when the server has admins);
    /// returns what it printed.
    pub fn couch_setup(&self, db: &str, admin: Option<(&str, &str)>) -> String {
        let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
        let mut command = Command::new("node");
        command
            .arg(root.join("scripts/couch/setup.mjs"))
            .args(["--url", &self.url, "--db", db]);
        if let Some((user, password)) = admin {
            command.args(["--user", user, "--password", password]);
        }
        let out = command.output().expect("node runs");
        assert!(
            out.status.success(),
            "setup failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// A request that must succeed; returns the answer's JSON.
    pub fn call(
        &self,
        method: &str,
        path: &str,
        auth: Option<(&str, &str)>,
        body: Option<serde_json::Value>,
    ) -> serde_json::Value {
        let url = format!("{}/{path}", self.url);
        let mut request = ureq::http::Request::builder()
            .method(method)
            .uri(&url)
            .header("Content-Type", "application/json");
        if let Some((user, password)) = auth {
            use base64::Engine as _;
            let token =
                base64::engine::general_purpose::STANDARD.encode(format!("{user}:{password}"));
            request = request.header("Authorization", format!("Basic {token}"));
        }
        let request = request
            .body(body.map(|b| b.to_string()).unwrap_or_default())
            .expect("a request");
        let mut response = ureq::run(request).unwrap_or_else(|e| panic!("{method} {url}: {e}"));
        let text = response
            .body_mut()
            .read_to_string()
            .unwrap_or_else(|e| panic!("{method} {url}: {e}"));
        serde_json::from_str(&text)
            .unwrap_or_else(|e| panic!("{method} {url} answered unreadable JSON ({e}): {text}"))
    }
}

impl Drop for PouchServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}
