# Wederhoor: `make run` starts the app, `make test` runs every test. Both first install what is
# missing on a Debian 12 machine (as root, without prompting) and rebuild only what changed.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
export PATH := $(HOME)/.cargo/bin:$(PATH)
export CARGO_TERM_COLOR ?= never

APT_PACKAGES := build-essential pkg-config libssl-dev libwebkit2gtk-4.1-dev libgtk-3-dev \
	libayatana-appindicator3-dev librsvg2-dev webkit2gtk-driver xvfb xauth xdotool sqlite3 poppler-utils \
	tesseract-ocr tesseract-ocr-nld
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)
UI_SOURCES := $(shell find ui/src -type f 2>/dev/null) ui/index.html ui/vite.config.ts ui/svelte.config.js ui/tsconfig.json
APP := target/debug/wederhoor-app

.PHONY: run test deps system-deps toolchain node-deps tauri-driver ui rust-test bindings-check ui-test e2e lint app clean

run: deps ui app ## Start the desktop app (its database and the demo dossier are created on first start)
	@if [ -z "$${DISPLAY:-}$${WAYLAND_DISPLAY:-}" ]; then \
		echo "Geen beeldscherm gevonden (DISPLAY leeg): Wederhoor start in een virtueel scherm (Xvfb)."; \
		xvfb-run -a $(APP); \
	else \
		$(APP); \
	fi

test: deps ui lint rust-test bindings-check ui-test e2e ## Every test: Rust, front end, end-to-end
	@echo "Alle tests geslaagd."

deps: system-deps toolchain node-deps tauri-driver

system-deps:
	@missing=""; for p in $(APT_PACKAGES); do \
		dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'install ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
		echo "Systeempakketten installeren:$$missing"; \
		$(SUDO) apt-get update -qq; \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing </dev/null; \
	fi

toolchain:
	@command -v cargo >/dev/null || { echo "cargo ontbreekt: installeer Rust (rustup) eerst." >&2; exit 1; }
	@if ! command -v node >/dev/null; then \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends nodejs npm </dev/null; fi
	@node -e 'const [a,b]=process.versions.node.split(".").map(Number); if (a<20||(a===20&&b<19)) { console.error("Node.js 20.19 of nieuwer is nodig (gevonden: "+process.versions.node+")"); process.exit(1) }'

node-deps: ui/node_modules/.installed tests/e2e/node_modules/.installed

ui/node_modules/.installed: ui/package.json ui/package-lock.json
	cd ui && npm ci --no-audit --no-fund </dev/null
	touch $@

tests/e2e/node_modules/.installed: tests/e2e/package.json tests/e2e/package-lock.json
	cd tests/e2e && npm ci --no-audit --no-fund </dev/null
	touch $@

tauri-driver:
	@command -v tauri-driver >/dev/null || cargo install tauri-driver --locked

ui: ui/dist/index.html

ui/dist/index.html: $(UI_SOURCES) ui/node_modules/.installed
	cd ui && npm run build

lint:
	cargo fmt --all --check
	cargo clippy --workspace --all-targets -- -D warnings

# Tesseract is installed above, so an OCR test that finds it missing fails instead of skipping.
rust-test:
	WEDERHOOR_REQUIRE_OCR=1 cargo test --workspace

# ts-rs rewrote ui/src/lib/bindings during `cargo test`; the committed copies must match.
bindings-check:
	@changed=$$(git status --porcelain -- ui/src/lib/bindings); \
	if [ -n "$$changed" ]; then \
		echo "De TypeScript-bindings wijken af van de Rust-typen; commit ui/src/lib/bindings:" >&2; \
		echo "$$changed" >&2; exit 1; \
	fi

ui-test:
	cd ui && npm run check && npm test

# Built with the same feature set as `cargo test --workspace` (dev-dependencies unify features),
# so the app binary reuses the compiled Tauri instead of building a second copy of it.
app: ui
	cargo build --workspace --all-targets

e2e: app
	cd tests/e2e && xvfb-run -a npm test

clean:
	cargo clean
	rm -rf ui/dist ui/node_modules tests/e2e/node_modules tests/e2e/artifacts
