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
