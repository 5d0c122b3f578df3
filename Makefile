# Harvest: build, report, test and benchmark.
SWIFT ?= swift
EXAMPLE_OUT := Output/example-2025
EXAMPLE_ARGS := --year 2025 --trades Examples/2025/trades.csv \
  --accounts Examples/2025/accounts.csv --identical Examples/2025/identical.csv \
  --filing-status mfj --taxable-income 85000 --name "Alex and Sam Example" \
  --ssn 123-45-6789 --out $(EXAMPLE_OUT)

.PHONY: deps test-deps build report test lint bench clean

deps:
	@scripts/install-deps.sh

test-deps:
	@scripts/install-deps.sh --test

build: deps
	$(SWIFT) build -c release --product harvest

# Writes the example year's report; --force replaces only an earlier Harvest report there.
report: build
	.build/release/harvest report $(EXAMPLE_ARGS) --force

test: test-deps
	$(SWIFT) test

lint:
	$(SWIFT) format lint --strict --recursive Sources Tests

# Times the report on generated years (10,000 to 1,000,000 trades and a 16,000-trade wash
# chain) and Form 8949 rendering (100,000 rows); see docs/benchmarks.md.
bench: deps
	$(SWIFT) build -c release
	.build/release/harvest-bench
	SCRATCH=.build/bench-render scripts/bench-render.sh

clean:
	rm -rf .build
