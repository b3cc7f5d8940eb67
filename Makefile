# Everyday verbs. Build trees: build/ (release, -Werror) and build-asan/ (sanitizers).
SHELL := /bin/bash
JOBS ?= $(shell nproc)
BUILD ?= build
# Files of a module compiled together as one translation unit; 0 = the whole module (docs/build.md).
UNITY_BATCH ?= 0
export CCACHE_BASEDIR := $(CURDIR)
export CCACHE_DIR ?= $(HOME)/.cache/ccache

.PHONY: deps build build-tree build-asan build-asan-tree run test bench web clean

deps:
	@bash scripts/install-deps

$(BUILD)/build.ninja:
	cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_FLAGS_RELEASE="-O2 -DNDEBUG" \
	  -DSTORYLOOM_WERROR=ON -DCMAKE_UNITY_BUILD=ON -DCMAKE_UNITY_BUILD_BATCH_SIZE=$(UNITY_BATCH) \
	  -DSTORYLOOM_UNIT_TESTS=OFF

build: deps build-tree

build-tree: $(BUILD)/build.ninja web
	cmake --build $(BUILD) -j $(JOBS)

build-asan/build.ninja:
	cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-g1" -DSTORYLOOM_WERROR=ON -DCMAKE_UNITY_BUILD=ON \
	  -DCMAKE_UNITY_BUILD_BATCH_SIZE=$(UNITY_BATCH) -DSTORYLOOM_SANITIZE=ON -DSTORYLOOM_BENCH=OFF -DSTORYLOOM_INTEGRATION_TESTS=OFF

build-asan: deps build-asan-tree

build-asan-tree: build-asan/build.ninja
	cmake --build build-asan -j $(JOBS)

web:
	@if [ -f web/package.json ]; then cd web && npm run build --silent; fi

run: build
	./$(BUILD)/storyloom serve

# The whole suite: integration and e2e tests on the release build, then unit and integration
# tests under ASan/UBSan. Each test is compiled once: unit tests in build-asan/, integration
# tests in build/ (run against both binaries). scripts/run-tests builds both trees itself: the
# release tree first, the sanitizer tree at low priority from the start (it takes what CPU the
# release build and tests leave).
test: deps
	bash scripts/run-tests

bench: build
	bash bench/run-all

clean:
	rm -rf build build-asan
