# Dateline's single entry point. `make run` sets up, builds, imports samples/ and opens the app
# (without a display: runs the CLI on samples/ and writes out/timeline.png). `make test` runs
# every test: Rust (unit, golden, CLI), UI (unit + headless Chromium), and the app end to end.
# Each stage prints one line (and warnings, or a failure in full); VERBOSE=1 shows everything.

export CARGO_TARGET_DIR ?= $(HOME)/.cache/dateline-target
export TZ := UTC
VENV ?= $(HOME)/.cache/dateline-venv
BIN := $(CARGO_TARGET_DIR)/debug
CARGO_TEST := $(shell command -v cargo-nextest >/dev/null 2>&1 && echo "nextest run" || echo test)
REPORT := $(CURDIR)/tests/report
ifeq ($(VERBOSE),)
CARGO_Q := --quiet
# nextest: failures only, then its summary line; cargo test: its own summary per binary.
TEST_Q := $(if $(findstring nextest,$(CARGO_TEST)),--cargo-quiet --status-level fail --final-status-level fail --show-progress none,--quiet)
VITE_Q := --logLevel warn
VITEST_Q := --reporter=$(REPORT)/vitest-quiet.mjs
NODE_TEST_Q := NODE_OPTIONS=--test-reporter=$(REPORT)/node-quiet.mjs
endif
STAGE = @printf '%s\n'

.PHONY: setup ui build release run test test-rust test-python test-hostile-long test-ui test-e2e lint fmt quality

setup:
	$(STAGE) "setup: system packages, tauri-driver, npm packages (installs only what is missing)"
	@bash .ci/setup.sh

ui:
	$(STAGE) "ui: building ui/dist"
	@cd ui && npx vite build $(VITE_Q)

build: setup ui
	$(STAGE) "build: cargo build --workspace"
	@cargo build $(CARGO_Q) --workspace

# The shipped app holds no test hook: the e2e build's DATELINE_TEST_* variables (the dialogs'
# answers, src-tauri/src/main.rs) are compiled only with the e2e feature, and a release binary
# holding one of their names fails here (the tests check the debug build the same way).
release: setup ui
	$(STAGE) "release: cargo build --release --workspace"
	@cargo build $(CARGO_Q) --release --workspace
	@if grep -a -o -E 'DATELINE_TEST_[A-Z0-9_]+' $(CARGO_TARGET_DIR)/release/dateline-app | sort -u | grep .; then \
	  echo "release: dateline-app holds the test hooks above: was it built with the e2e feature?"; exit 1; fi

run: build
	@$(BIN)/dateline import samples
	@if [ -n "$$DISPLAY$$WAYLAND_DISPLAY" ]; then \
	  echo "run: opening the app"; $(BIN)/dateline-app; \
	else \
	  mkdir -p out && printf 'run: no display, so no app: ' && $(BIN)/dateline export --out out/timeline.png; \
	fi

lint: ui
	$(STAGE) "lint: cargo fmt --check, cargo clippy -D warnings"
	@cargo fmt --all -- --check
	@cargo clippy $(CARGO_Q) --workspace --all-targets -- -D warnings

test: setup lint test-rust test-python test-ui test-e2e

test-rust:
	$(STAGE) "rust: cargo $(CARGO_TEST) --workspace"
	@cargo $(CARGO_TEST) $(TEST_Q) --workspace

# The Python package: a debug wheel of python/ (maturin, into the same target dir), installed into
# the venv, then pytest against the CLI's JSONL (samples/, the dev corpus), on Spark local[2] and on
# a local Ray cluster.
test-python:
	$(STAGE) "python: maturin build of python/, pytest python/tests (extract, extract_arrow, Spark, Ray)"
	@cargo build $(CARGO_Q) -p dateline-cli
	@rm -rf $(CARGO_TARGET_DIR)/wheels
	@$(VENV)/bin/maturin build $(CARGO_Q) -m python/Cargo.toml -o $(CARGO_TARGET_DIR)/wheels -i $(VENV)/bin/python \
	  $(if $(VERBOSE),,>$(CARGO_TARGET_DIR)/maturin.log 2>&1 || { cat $(CARGO_TARGET_DIR)/maturin.log; exit 1; })
	@$(VENV)/bin/pip install -q --disable-pip-version-check --force-reinstall --no-deps $(CARGO_TARGET_DIR)/wheels/*.whl
	@cd python && $(VENV)/bin/python -m pytest $(if $(VERBOSE),,-q -p no:warnings) tests

# The hostile-input suite's long variant (100,005-record mbox and JSONL, a 6 MiB text, a 200 MB
# one-line text, a zip of 250 texts of 4 MB), in a release build: the zip alone is a gigabyte of
# text to extract (minutes on 2 cores; a debug build would take an hour).
test-hostile-long:
	$(STAGE) "rust: the hostile-input suite with its long cases (DATELINE_HOSTILE_LONG=1), release build"
	@DATELINE_HOSTILE_LONG=1 cargo $(CARGO_TEST) $(TEST_Q) --release -p dateline-cli --test hostile

test-ui: ui
	$(STAGE) "ui: vitest, then the built UI in headless Chromium"
	@cd ui && REPORT_NAME=unit npx vitest run $(VITEST_Q)
	@cd ui && REPORT_NAME=chromium $(NODE_TEST_Q) npm run --silent test:browser

test-e2e: ui
	$(STAGE) "e2e: the real app under tauri-driver (driver log: tests/e2e/test-results/tauri-driver.log)"
	@cargo build $(CARGO_Q) -p dateline-app --features dateline-app/e2e -p dateline-cli
	@grep -a -q DATELINE_TEST_OPEN_ANSWER $(BIN)/dateline-app || { echo "e2e: the e2e build lacks its test hooks"; exit 1; }
	@cd tests/e2e && REPORT_NAME=e2e $(NODE_TEST_Q) timeout 600 xvfb-run -a -s "-screen 0 1920x1080x24" node --test --test-force-exit e2e.test.mjs

# Extraction quality on the shared gold sets (events per style and split, the temporal tagger per
# set), written into docs/QUALITY.md's figure blocks. ERRORS=dir keeps the scorers' error lists.
quality:
	cargo build --release -p dateline-cli
	python3 tests/quality/quality.py --bin $(CARGO_TARGET_DIR)/release/dateline --write docs/QUALITY.md $(if $(ERRORS),--errors $(ERRORS))
