# Every target sets up .venv itself, so a fresh clone needs only `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# gift-pegjs (npm), the GIFT parser the export tests check GIFT files with.
NODE_STAMP := $(VENV)/node/.installed

.PHONY: quiz brief test fuzz mutate check bench lint graph clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

quiz: $(STAMP)
	$(BIN)/quiz

brief: $(STAMP)
	$(BIN)/brief build -o brief.pdf
	@echo "wrote brief.pdf"

$(NODE_STAMP): $(STAMP)
	npm install --silent --no-audit --no-fund --prefix $(VENV)/node gift-pegjs@1.0.2
	touch $(NODE_STAMP)

test: $(STAMP) $(NODE_STAMP)
	$(BIN)/python -m pytest -q
	$(BIN)/lint-imports
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

# The fuzzers of tests/fuzz with 10,000 damaged files per target (make test runs 300).
fuzz: $(STAMP)
	CLASSBRIEF_FUZZ_EXAMPLES=$${CLASSBRIEF_FUZZ_EXAMPLES:-10000} $(BIN)/python -m pytest -q \
		-p no:cacheprovider tests/fuzz --hypothesis-show-statistics

# Mutation testing (mutmut) of the grading, numbers, dates and export modules, from a fresh
# copy in mutants/; then each module's score, which must be at least 90 % (tests/mutation).
# MUTATE_CHILDREN=1 leaves a core free; MUTANTS='quizzes.grading*' re-checks some only.
MUTATE_STAMP := $(VENV)/.mutate-installed
MUTATE_CHILDREN ?= 2
$(MUTATE_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,mutate]'
	touch $(MUTATE_STAMP)

mutate: $(MUTATE_STAMP) $(NODE_STAMP)
	$(if $(MUTANTS),,rm -rf mutants)
	$(BIN)/mutmut run --max-children $(MUTATE_CHILDREN) $(MUTANTS) > /dev/null
	$(BIN)/python -m tests.mutation.report

check: $(STAMP)
	$(BIN)/quiz check

bench: $(STAMP)
	$(BIN)/python -m tests.benchmarks

lint: $(STAMP)
	$(BIN)/lint-imports
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

# Which part of the code imports which, in Graphviz's DOT language (command modules on
# their own): make graph > imports.dot && dot -Tsvg imports.dot -o imports.svg
graph: $(STAMP)
	@$(BIN)/python -m tests.importgraph

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .ruff_cache .import_linter_cache mutants
