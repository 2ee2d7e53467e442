# Dateline's single entry point. `make run` sets up, builds, imports samples/ and opens the app
# (without a display: runs the CLI on samples/ and writes out/timeline.png). `make test` runs
# every test: Rust (unit, golden, CLI), UI (unit + headless Chromium), and the app end to end.

export CARGO_TARGET_DIR ?= $(HOME)/.cache/dateline-target
export TZ := UTC
BIN := $(CARGO_TARGET_DIR)/debug
CARGO_TEST := $(shell command -v cargo-nextest >/dev/null 2>&1 && echo "nextest run" || echo test)

.PHONY: setup ui build release run test test-rust test-ui test-e2e lint fmt quality

setup:
	bash .ci/setup.sh

ui:
	cd ui && npm run build

build: setup ui
	cargo build --workspace

release: setup ui
	cargo build --release --workspace

run: build
	$(BIN)/dateline import samples
	@if [ -n "$$DISPLAY$$WAYLAND_DISPLAY" ]; then \
	  $(BIN)/dateline-app; \
	else \
	  mkdir -p out && $(BIN)/dateline extract samples && \
	  $(BIN)/dateline export --out out/timeline.png && echo "no display: wrote out/timeline.png"; \
	fi

lint: ui
	cargo fmt --all -- --check
	cargo clippy --workspace --all-targets -- -D warnings

test: setup lint test-rust test-ui test-e2e

test-rust:
	cargo $(CARGO_TEST) --workspace

test-ui:
	cd ui && npm test

test-e2e: ui
	cargo build -p dateline-app -p dateline-cli
	cd tests/e2e && timeout 600 xvfb-run -a -s "-screen 0 1280x800x24" node --test --test-force-exit e2e.test.mjs

# Extraction quality on the shared gold sets (events per style and split, the temporal tagger per
# set), written into docs/QUALITY.md's figure blocks. ERRORS=dir keeps the scorers' error lists.
quality:
	cargo build --release -p dateline-cli
	python3 tests/quality/quality.py --bin $(CARGO_TARGET_DIR)/release/dateline --write docs/QUALITY.md $(if $(ERRORS),--errors $(ERRORS))
